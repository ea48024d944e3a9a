package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retrospective and portfolio figures, worked out by hand. Calendar days, today = T, in a portfolio of its own:
 * <ul>
 * <li>Slipping (ACTIVE): the scenario of {@link TimelineIT} — Design reached 2 days early, Build 5 days late, Launch
 * forecast 5 days late, Docs added after approval, a re-estimate (ESTIMATE: Design −5) and a target move of +7
 * (EXTERNAL: Design, Build, Launch and Docs +7 each) — plus a skeptic's question answered the same day, a risk that
 * materialised, and one refinement raising a customer question and identifying a second risk.</li>
 * <li>Early (ACTIVE): target T+30, one milestone (5 days) reached today: 30 days early.</li>
 * <li>Draft (DRAFT): target T+10, one milestone of 40 days: forecast T+40, 30 days late.</li>
 * </ul>
 */
@BackcastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrospectiveAndPortfolioIT {

    @LocalServerPort
    int port;

    Api planner;
    String portfolio = "PMO-" + System.nanoTime();
    String slipping;
    String early;
    String draft;
    final LocalDate today = ServerTime.TODAY;

    @BeforeAll
    void threePlans() {
        planner = new Api(port, "planner");
        slipping = create("Slipping", 10);
        String plan = "/api/plans/" + slipping;
        metric(plan);
        String design = milestone(plan, "Design", 10, null);
        String build = milestone(plan, "Build", 20, design);
        milestone(plan, "Launch", 15, build);
        ok(planner.post(plan + "/approve", "{}"));
        ok(planner.post(plan + "/milestones/" + design + "/reached", "{\"on\": \"" + today.minusDays(27) + "\"}"));
        ok(planner.patch(plan + "/milestones/" + build, "{\"leadTimeDays\": 25, \"reason\": {\"category\": \"ESTIMATE\", "
                + "\"note\": \"Vendor quote\"}}"));
        ok(planner.post(plan + "/milestones", "{\"name\": \"Docs\", \"leadTimeDays\": 3}"));
        ok(planner.put(plan + "/goal", """
                {"headline": "Slipping", "customerProblem": "A problem", "solution": "A solution", "targetDate": "%s",
                 "reason": {"category": "EXTERNAL", "note": "Launch event moved"}}""".formatted(today.plusDays(17))));
        ok(planner.post(plan + "/milestones/" + build + "/reached", "{\"on\": \"" + today + "\"}"));
        String question = id(planner.post(plan + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"Why?\"}"), "questionId");
        ok(planner.put(plan + "/questions/" + question + "/answer", "{\"answer\": \"Because.\"}"));
        String risk = id(planner.post(plan + "/risks", "{\"description\": \"Vendor\", \"likelihood\": 3, \"impact\": 4}"),
                "riskId");
        ok(planner.patch(plan + "/risks/" + risk, "{\"outcome\": \"MATERIALISED\"}"));
        ok(planner.post(plan + "/refinements", """
                {"message": "Feedback round", "changes": [
                  {"op": "raiseQuestion", "kind": "CUSTOMER_FAQ", "text": "Price?"},
                  {"op": "identifyRisk", "description": "Budget", "likelihood": 2, "impact": 2}]}"""));

        early = create("Early", 30);
        metric("/api/plans/" + early);
        String only = milestone("/api/plans/" + early, "Only", 5, null);
        ok(planner.post("/api/plans/" + early + "/approve", "{}"));
        ok(planner.post("/api/plans/" + early + "/milestones/" + only + "/reached", "{\"on\": \"" + today + "\"}"));

        draft = create("Draft", 10);
        milestone("/api/plans/" + draft, "Long haul", 40, null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(planner.get("/api/plans/" + slipping + "?minRevision=18").status()).isEqualTo(200);
            assertThat(planner.get("/api/plans/" + early + "?minRevision=6").status()).isEqualTo(200);
            assertThat(planner.get("/api/plans/" + draft + "?minRevision=2").status()).isEqualTo(200);
        });
    }

    @Test
    void theRetrospectiveCountsHowThePlanEvolved() {
        JsonNode retro = planner.get("/api/plans/" + slipping + "/retrospective").json();

        assertThat(retro.get("revisions").asLong()).isEqualTo(18);
        assertThat(retro.get("refinements").asLong()).isEqualTo(1);
        assertThat(retro.get("goalRedefinitions").asLong()).isZero();
        assertThat(retro.get("targetDateMoves").asLong()).isEqualTo(1);
        assertThat(retro.get("targetDateMoveDays").asLong()).isEqualTo(7);
        assertThat(retro.get("scopeAfterApproval").get("milestonesAdded").asLong()).isEqualTo(1);
        assertThat(retro.get("scopeAfterApproval").get("milestonesRemoved").asLong()).isZero();
        assertThat(retro.get("dueDateMovesByReason").get("ESTIMATE").get("count").asLong()).isEqualTo(1);
        assertThat(retro.get("dueDateMovesByReason").get("ESTIMATE").get("days").asLong()).isEqualTo(-5);
        assertThat(retro.get("dueDateMovesByReason").get("EXTERNAL").get("count").asLong()).isEqualTo(4);
        assertThat(retro.get("dueDateMovesByReason").get("EXTERNAL").get("days").asLong()).isEqualTo(28);
        JsonNode skeptics = retro.get("questions").get("SKEPTIC");
        assertThat(skeptics.get("raised").asLong()).isEqualTo(1);
        assertThat(skeptics.get("answered").asLong()).isEqualTo(1);
        assertThat(skeptics.get("meanDaysToAnswer").asDouble()).isZero();
        JsonNode customers = retro.get("questions").get("CUSTOMER_FAQ");
        assertThat(customers.get("raised").asLong()).isEqualTo(1);
        assertThat(customers.get("answered").asLong()).isZero();
        assertThat(customers.get("meanDaysToAnswer").isNull()).isTrue();
        assertThat(retro.get("risks").get("identified").asLong()).isEqualTo(2);
        assertThat(retro.get("risks").get("materialised").asLong()).isEqualTo(1);
        assertThat(retro.get("risks").get("open").asLong()).isEqualTo(1);
        assertThat(retro.get("milestonesReachedOnTime").asLong()).isEqualTo(1);
        assertThat(retro.get("milestonesReachedAgainstApproved").asLong()).isEqualTo(2);
    }

    @Test
    void thePortfolioRollsUpStatusRiskOnTimeRateSlipAndMoves() {
        JsonNode rollUp = planner.get("/api/portfolio?portfolio=" + portfolio).json();

        assertThat(rollUp.get("plans").asInt()).isEqualTo(3);
        assertThat(rollUp.get("countsByStatus").get("DRAFT").asLong()).isEqualTo(1);
        assertThat(rollUp.get("countsByStatus").get("ACTIVE").asLong()).isEqualTo(2);
        assertThat(rollUp.get("countsByStatus").get("ACHIEVED").asLong()).isZero();
        assertThat(rollUp.get("atRisk")).hasSize(1);
        assertThat(rollUp.get("atRisk").get(0).get("title").asText()).isEqualTo("Draft");
        assertThat(rollUp.get("atRisk").get(0).get("lateByDays").asInt()).isEqualTo(30);
        assertThat(rollUp.get("milestonesReached").asLong()).isEqualTo(3);
        assertThat(rollUp.get("milestonesReachedOnTime").asLong()).isEqualTo(2);
        assertThat(rollUp.get("onTimeRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(rollUp.get("slip").get("milestones").asInt()).isEqualTo(4);
        assertThat(rollUp.get("slip").get("meanDays").asDouble()).isEqualTo(-5.5);
        assertThat(rollUp.get("slip").get("medianDays").asDouble()).isEqualTo(1.5);
        assertThat(rollUp.get("slip").get("p90Days").asInt()).isEqualTo(5);
        assertThat(rollUp.get("dueDateMovesByReason").get("EXTERNAL").get("count").asLong()).isEqualTo(4);
        assertThat(rollUp.get("dueDateMovesByReason").get("ESTIMATE").get("days").asLong()).isEqualTo(-5);
        assertThat(rollUp.get("targetDateMoves")).hasSize(1);
        assertThat(rollUp.get("targetDateMoves").get(0).get("days").asLong()).isEqualTo(7);
        assertThat(rollUp.get("mostSlipped").findValuesAsText("title")).containsExactly("Slipping", "Early");
        assertThat(rollUp.get("mostSlipped").findValuesAsText("slipDays")).containsExactly("5", "-30");
    }

    @Test
    void aPeriodCountsOnlyWhatHappenedInIt() {
        JsonNode rollUp = planner.get("/api/portfolio?portfolio=" + portfolio + "&from=" + today + "&to=" + today).json();

        assertThat(rollUp.get("milestonesReached").asLong()).isEqualTo(2);
        assertThat(rollUp.get("milestonesReachedOnTime").asLong()).isEqualTo(1);
        assertThat(rollUp.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(planner.get("/api/portfolio?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
    }

    @Test
    void thePerPlanRowsComeAsCsv() {
        Api.Response csv = planner.get("/api/portfolio?portfolio=" + portfolio, "Accept", "text/csv");

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> rows = List.of(csv.text().split("\r\n"));
        assertThat(rows).hasSize(4);
        List<String> header = Arrays.asList(rows.get(0).split(","));
        String slippingRow = rows.stream().filter(row -> row.startsWith(slipping)).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(slippingRow.split(",", -1));
        assertThat(cells.get(header.indexOf("goalSlipDays"))).isEqualTo("5");
        assertThat(cells.get(header.indexOf("milestonesReached"))).isEqualTo("2");
        assertThat(cells.get(header.indexOf("milestonesReachedOnTime"))).isEqualTo("1");
        assertThat(cells.get(header.indexOf("dueDateMoves"))).isEqualTo("5");
        assertThat(cells.get(header.indexOf("targetDateMoves"))).isEqualTo("1");
    }

    private String create(String title, int targetInDays) {
        return id(planner.post("/api/plans", CurrentPlanIT.newPlan(title, "CALENDAR_DAYS",
                today.plusDays(targetInDays).toString(), "[]").replace("\"portfolio\": \"Payments\"",
                "\"portfolio\": \"" + portfolio + "\"")), "planId");
    }

    private void metric(String plan) {
        id(planner.post(plan + "/metrics", "{\"name\": \"Users\", \"baselineValue\": 0, \"targetValue\": 10, "
                + "\"direction\": \"INCREASE\"}"), "metricId");
    }

    private String milestone(String plan, String name, int leadTime, String predecessor) {
        return id(planner.post(plan + "/milestones", "{\"name\": \"" + name + "\", \"leadTimeDays\": " + leadTime
                + ", \"predecessors\": [" + (predecessor == null ? "" : "\"" + predecessor + "\"") + "]}"), "milestoneId");
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
