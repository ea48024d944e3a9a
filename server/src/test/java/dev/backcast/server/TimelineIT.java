package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned against actual, with every figure worked out by hand. Calendar days, today = T, target T+10:
 * Design (10) ← Build (20) ← Launch (15). Approval freezes Launch T+10, Build T-5, Design T-25.
 * Design is reached at T-27 (2 days early). Build is re-estimated to 25 days: Design's due moves T-25 → T-30.
 * A baseline "mid" is captured. Docs (3 days, nothing depends on it) is added: first planned T+10.
 * The target moves to T+17: Launch T+17, Build T+2, Design T-23, Docs T+17, each moved +7.
 * Build is reached today (5 days late against T-5). Launch's forecast is T+15 (5 late against T+10);
 * Docs' forecast T+3 (7 early). The goal's forecast is T+15: 5 days after the first planned target.
 */
@BackcastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineIT {

    @LocalServerPort
    int port;

    Api planner;
    String plan;
    String design;
    String build;
    String launch;
    String docs;
    final LocalDate today = ServerTime.TODAY;

    @BeforeAll
    void aPlanThatSlips() {
        planner = new Api(port, "planner");
        plan = "/api/plans/" + id(planner.post("/api/plans", CurrentPlanIT.newPlan("Timeline", "CALENDAR_DAYS",
                today.plusDays(10).toString(), "[]")), "planId");
        id(planner.post(plan + "/metrics", "{\"name\": \"Users\", \"baselineValue\": 0, \"targetValue\": 10, "
                + "\"direction\": \"INCREASE\"}"), "metricId");
        design = id(planner.post(plan + "/milestones", "{\"name\": \"Design\", \"leadTimeDays\": 10}"), "milestoneId");
        build = id(planner.post(plan + "/milestones", "{\"name\": \"Build\", \"leadTimeDays\": 20, \"predecessors\": [\""
                + design + "\"]}"), "milestoneId");
        launch = id(planner.post(plan + "/milestones", "{\"name\": \"Launch\", \"leadTimeDays\": 15, \"predecessors\": [\""
                + build + "\"]}"), "milestoneId");
        ok(planner.post(plan + "/approve", "{}"));
        ok(planner.post(plan + "/milestones/" + design + "/reached", "{\"on\": \"" + today.minusDays(27) + "\"}"));
        ok(planner.patch(plan + "/milestones/" + build, "{\"leadTimeDays\": 25, \"reason\": {\"category\": \"ESTIMATE\", "
                + "\"note\": \"Vendor quote\"}}"));
        ok(planner.post(plan + "/baselines", "{\"name\": \"mid\"}"));
        docs = id(planner.post(plan + "/milestones", "{\"name\": \"Docs\", \"leadTimeDays\": 3, \"reason\": "
                + "{\"category\": \"SCOPE\", \"note\": \"Docs were missing\"}}"), "milestoneId");
        ok(planner.put(plan + "/goal", """
                {"headline": "Timeline", "customerProblem": "A problem", "solution": "A solution", "targetDate": "%s",
                 "reason": {"category": "EXTERNAL", "note": "Launch event moved"}}""".formatted(today.plusDays(17))));
        ok(planner.post(plan + "/milestones/" + build + "/reached", "{\"on\": \"" + today + "\"}"));
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    @Test
    void everyMilestoneIsMeasuredAgainstItsFirstPlanTheApprovedBaselineAndAChosenOne() {
        Api.Response response = planner.get(plan + "/timeline?baseline=mid");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> lines = new HashMap<>();
        response.json().get("milestones").forEach(line -> lines.put(line.get("name").asText(), line));

        JsonNode designLine = lines.get("Design");
        assertThat(designLine.get("firstPlannedDue").asText()).isEqualTo(day(-25));
        assertThat(designLine.get("baselineDue").get("approved").asText()).isEqualTo(day(-25));
        assertThat(designLine.get("baselineDue").get("mid").asText()).isEqualTo(day(-30));
        assertThat(designLine.get("currentDue").asText()).isEqualTo(day(-23));
        assertThat(designLine.get("reachedOn").asText()).isEqualTo(day(-27));
        assertThat(designLine.get("slipAgainstFirstPlan").asInt()).isEqualTo(-2);
        assertThat(designLine.get("slipAgainstApproved").asInt()).isEqualTo(-2);
        assertThat(designLine.get("slipAgainstBaseline").asInt()).isEqualTo(3);
        assertThat(designLine.get("moveCount").asInt()).isEqualTo(2);
        assertThat(designLine.get("moves").findValuesAsText("days")).containsExactly("-5", "7");
        assertThat(designLine.get("moves").get(0).get("reasonCategory").asText()).isEqualTo("ESTIMATE");
        assertThat(designLine.get("moves").get(1).get("reasonCategory").asText()).isEqualTo("EXTERNAL");
        assertThat(designLine.get("moves").get(0).get("author").asText()).isEqualTo("planner");

        JsonNode buildLine = lines.get("Build");
        assertThat(buildLine.get("firstPlannedDue").asText()).isEqualTo(day(-5));
        assertThat(buildLine.get("currentDue").asText()).isEqualTo(day(2));
        assertThat(buildLine.get("slipAgainstFirstPlan").asInt()).isEqualTo(5);
        assertThat(buildLine.get("slipAgainstBaseline").asInt()).isEqualTo(5);
        assertThat(buildLine.get("moveCount").asInt()).isEqualTo(1);

        JsonNode launchLine = lines.get("Launch");
        assertThat(launchLine.get("forecast").asText()).isEqualTo(day(15));
        assertThat(launchLine.get("slipAgainstFirstPlan").asInt()).isEqualTo(5);
        assertThat(launchLine.get("moves").findValuesAsText("to")).containsExactly(day(17));

        JsonNode docsLine = lines.get("Docs");
        assertThat(docsLine.get("firstPlannedDue").asText()).isEqualTo(day(10));
        assertThat(docsLine.get("slipAgainstFirstPlan").asInt()).isEqualTo(-7);
        assertThat(docsLine.get("slipAgainstApproved").isNull()).isTrue();
        assertThat(docsLine.get("moveCount").asInt()).isEqualTo(1);

        JsonNode goal = response.json().get("goal");
        assertThat(goal.get("firstPlannedTargetDate").asText()).isEqualTo(day(10));
        assertThat(goal.get("targetDate").asText()).isEqualTo(day(17));
        assertThat(goal.get("forecastGoalDate").asText()).isEqualTo(day(15));
        assertThat(goal.get("slipAgainstFirstPlan").asInt()).isEqualTo(5);
        assertThat(goal.get("slipAgainstBaseline").asInt()).isEqualTo(5);
        assertThat(goal.get("moves").findValuesAsText("days")).containsExactly("7");
    }

    @Test
    void theTimelineAsCsvHasOneRowPerMilestone() {
        Api.Response csv = planner.get(plan + "/timeline?baseline=mid", "Accept", "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> rows = List.of(csv.text().split("\r\n"));
        assertThat(rows).hasSize(5);
        List<String> header = Arrays.asList(rows.get(0).split(","));
        Map<String, List<String>> byName = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> {
            List<String> cells = Arrays.asList(row.split(",", -1));
            byName.put(cells.get(header.indexOf("name")), cells);
        });
        List<String> build = byName.get("Build");
        assertThat(build.get(header.indexOf("firstPlannedDue"))).isEqualTo(day(-5));
        assertThat(build.get(header.indexOf("reachedOn"))).isEqualTo(today.toString());
        assertThat(build.get(header.indexOf("slipAgainstFirstPlan"))).isEqualTo("5");
        assertThat(build.get(header.indexOf("baselineDue"))).isEqualTo(day(-5));
        assertThat(byName.get("Docs").get(header.indexOf("slipAgainstApproved"))).isEmpty();
    }

    @Test
    void anUnknownBaselineIsNamed() {
        Api.Response unknown = planner.get(plan + "/timeline?baseline=nope");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("baseline");
    }

    private String day(int offset) {
        return today.plusDays(offset).toString();
    }
}
