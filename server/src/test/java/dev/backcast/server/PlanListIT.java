package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan lists as PostgreSQL pages them: every sort with its ties broken by plan id in the sort's direction and plans
 * without a forecast last (first when descending), pages that add up to the whole list, a page past the end, the late filter, and a search
 * in titles that takes its words literally.
 */
@BackcastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanListIT {

    @LocalServerPort
    int port;

    private final String portfolio = "Lists-" + System.nanoTime();
    private final LocalDate today = ServerTime.TODAY;
    /** Title → plan id, in the order the plans were created. */
    private final Map<String, String> plans = new LinkedHashMap<>();
    private Api planner;

    @BeforeAll
    void sevenPlans() {
        planner = new Api(port, "planner");
        plan("beta launch", today.plusDays(60), 10);
        plan("Alpha 100% ready", today.plusDays(60), 70);
        plan("gamma_rollout", today.plusDays(30), 45);
        plan("Delta", today.plusDays(90), null);
        plan("epsilon", today.plusDays(60), null);
        plan("Zeta", today.plusDays(20), 5);
        plan("eta", today.plusDays(10), 25);
        plans.values().forEach(planId -> planner.get("/api/plans/" + planId + "?minRevision=1"));
    }

    @Test
    void everySortBreaksTiesByPlanIdAndDescendingIsAscendingReadBackwards() {
        assertThat(titles("targetDate")).containsExactly(ordered(List.of("eta"), List.of("Zeta"),
                List.of("gamma_rollout"), List.of("beta launch", "Alpha 100% ready", "epsilon"), List.of("Delta")));
        assertThat(titles("title")).containsExactly("Alpha 100% ready", "beta launch", "Delta", "epsilon", "eta",
                "gamma_rollout", "Zeta");
        assertThat(titles("forecastGoalDate")).containsExactly(ordered(List.of("Zeta"), List.of("beta launch"),
                List.of("eta"), List.of("gamma_rollout"), List.of("Alpha 100% ready"), List.of("Delta", "epsilon")));
        assertThat(titles("forecastGoalDate,desc")).containsExactly(reversed(ordered(List.of("Zeta"),
                List.of("beta launch"), List.of("eta"), List.of("gamma_rollout"), List.of("Alpha 100% ready"),
                List.of("Delta", "epsilon"))));
        assertThat(titles("lateByDays,desc")).startsWith(reversed(ordered(List.of("Alpha 100% ready"),
                List.of("gamma_rollout", "eta"))));
        assertThat(titles("lastChangedAt")).containsExactlyElementsOf(plans.keySet());
    }

    @Test
    void pagesAddUpToTheWholeListAndAPagePastTheEndIsEmptyWithTheTotal() {
        List<String> whole = titles("title");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = list("sort=title&size=3&page=" + page);
            assertThat(answer.get("total").asInt()).isEqualTo(7);
            answer.get("items").forEach(item -> paged.add(item.get("title").asText()));
        }
        assertThat(paged).isEqualTo(whole);
        assertThat(list("sort=title&size=3&page=2").get("items")).hasSize(1);
        JsonNode pastTheEnd = list("sort=title&size=3&page=9");
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("total").asInt()).isEqualTo(7);
    }

    @Test
    void theLateFilterAndTheFiguresDay() {
        JsonNode late = list("late=true&sort=lateByDays,desc");
        assertThat(late.get("items").findValuesAsText("title")).containsExactly(reversed(ordered(
                List.of("Alpha 100% ready"), List.of("gamma_rollout", "eta"))));
        assertThat(late.get("items").findValuesAsText("lateByDays")).containsExactly("15", "15", "10");
        assertThat(late.get("figuresAsOf").asText()).isEqualTo(today.toString());
        assertThat(list("late=false").get("total").asInt()).isEqualTo(4);
    }

    @Test
    void aSearchFindsWordsOfTheTitleWhateverTheirCaseAndTakesWildcardsLiterally() {
        assertThat(titles("title", "q=ET")).containsExactly("beta launch", "eta", "Zeta");
        assertThat(titles("title", "q=" + URLEncoder.encode("100%", StandardCharsets.UTF_8)))
                .containsExactly("Alpha 100% ready");
        assertThat(titles("title", "q=a_r")).containsExactly("gamma_rollout");
        assertThat(titles("title", "q=%25")).containsExactly("Alpha 100% ready");
        assertThat(titles("title", "q=nothing-like-it")).isEmpty();
        assertThat(planner.get("/api/plans?q=" + "x".repeat(201)).status()).isEqualTo(400);
    }

    /** A descending sort is the ascending one read backwards, ties included. */
    private static String[] reversed(String[] ascending) {
        List<String> titles = new ArrayList<>(List.of(ascending));
        java.util.Collections.reverse(titles);
        return titles.toArray(String[]::new);
    }

    /** Titles in the given groups, each group in plan-id order: what a sort gives when the groups tie. */
    @SafeVarargs
    private final String[] ordered(List<String>... groups) {
        List<String> titles = new ArrayList<>();
        for (List<String> group : groups) {
            group.stream().sorted(Comparator.comparing(plans::get)).forEach(titles::add);
        }
        return titles.toArray(String[]::new);
    }

    private List<String> titles(String sort, String... filters) {
        return list("sort=" + sort + "&" + String.join("&", filters)).get("items").findValuesAsText("title");
    }

    private JsonNode list(String query) {
        Api.Response answer = planner.get("/api/plans?portfolio=" + portfolio + "&" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** A plan with one milestone of the given lead time (none when null): its forecast is today plus that. */
    private void plan(String title, LocalDate target, Integer leadTimeDays) {
        String planId = id(planner.post("/api/plans", """
                {"title": "%s", "portfolio": "%s",
                 "goal": {"headline": "%s", "customerProblem": "A problem", "solution": "A solution",
                          "targetDate": "%s"}}""".formatted(title, portfolio, title, target)), "planId");
        if (leadTimeDays != null) {
            id(planner.post("/api/plans/" + planId + "/milestones",
                    "{\"name\": \"Only\", \"leadTimeDays\": " + leadTimeDays + "}"), "milestoneId");
            planner.get("/api/plans/" + planId + "?minRevision=2");
        }
        plans.put(title, planId);
    }
}
