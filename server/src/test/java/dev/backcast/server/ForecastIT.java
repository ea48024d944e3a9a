package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calibrated forecasts through HTTP: a portfolio whose every milestone took twice its planned lead time forecasts an
 * open plan's remaining milestones at twice theirs, with the reference class it used; as of a moment before that
 * record existed, the answer says there is too little history and gives no dates. The portfolio ranks its open
 * plans by the chance their calibrated forecast gives them of missing the target.
 */
@BackcastIntegrationTest
class ForecastIT {

    private static final LocalDate TODAY = ServerTime.TODAY;

    @LocalServerPort
    int port;

    @Test
    void aPortfolioThatAlwaysTookTwiceAsLongForecastsTwiceTheRemainingLeadTimes() {
        Api planner = new Api(port, "planner");
        String portfolio = "Forecasting " + UUID.randomUUID();
        UUID design = UUID.randomUUID();
        UUID build = UUID.randomUUID();
        String open = plan(planner, portfolio, "Open plan", TODAY.plusDays(100), design, 10, build, 15);
        assertThat(planner.post("/api/plans/" + open + "/approve", null).status()).isEqualTo(200);
        String before = planner.get("/api/plans/" + open + "?minRevision=5").json().get("lastChangedAt").asText();

        // Sixteen plans past their target date, each of two chained milestones of 10 days that took 20 each.
        LocalDate target = TODAY.minusDays(25);
        for (int i = 0; i < 16; i++) {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            String reference = plan(planner, portfolio, "Reference " + i, target, first, 10, second, 10);
            assertThat(planner.post("/api/plans/" + reference + "/approve", null).status()).isEqualTo(200);
            reach(planner, reference, first, target);
            reach(planner, reference, second, target.plusDays(20));
            if (i % 4 == 0) {
                assertThat(planner.post("/api/plans/" + reference + "/achieve",
                        "{\"on\": \"" + target.plusDays(20) + "\"}").status()).isEqualTo(200);
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(planner.get("/api/plans/" + open
                + "/forecast").json().get("referenceClass").get("size").asInt()).isEqualTo(32));
        Api.Response answer = planner.get("/api/plans/" + open + "/forecast?runs=20000&seed=7");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode forecast = answer.json();
        LocalDate twice = TODAY.plusDays(2 * (10 + 15));
        assertThat(forecast.get("calibrated").asBoolean()).isTrue();
        assertThat(forecast.get("asOf").asText()).isEqualTo(TODAY.toString());
        assertThat(forecast.get("runs").asInt()).isEqualTo(20000);
        assertThat(forecast.get("seed").asLong()).isEqualTo(7);
        assertThat(forecast.get("plainForecastGoalDate").asText()).isEqualTo(TODAY.plusDays(25).toString());
        assertThat(forecast.get("goal").get("p50").asText()).isEqualTo(twice.toString());
        assertThat(forecast.get("goal").get("p80").asText()).isEqualTo(twice.toString());
        assertThat(forecast.get("goal").get("p95").asText()).isEqualTo(twice.toString());
        assertThat(forecast.get("probabilityOfMeetingTarget").asDouble()).isEqualTo(1.0);
        assertThat(forecast.get("histogram")).hasSize(1);
        assertThat(forecast.get("histogram").get(0).get("runs").asInt()).isEqualTo(20000);
        JsonNode referenceClass = forecast.get("referenceClass");
        assertThat(referenceClass.get("portfolio").asText()).isEqualTo(portfolio);
        assertThat(referenceClass.get("minimumSize").asInt()).isEqualTo(30);
        assertThat(referenceClass.get("durationRatio").get("p50").asDouble()).isEqualTo(2.0);
        assertThat(referenceClass.get("firstReached").asText()).isEqualTo(target.toString());
        assertThat(referenceClass.get("lastReached").asText()).isEqualTo(target.plusDays(20).toString());
        assertThat(forecast.get("milestones")).hasSize(2).allSatisfy(milestone -> {
            assertThat(milestone.get("criticalityIndex").asDouble()).isEqualTo(1.0);
            assertThat(milestone.get("probabilityOnTime").asDouble()).isEqualTo(1.0);
        });
        assertThat(forecast.get("milestones").get(0).get("milestoneId").asText()).isEqualTo(build.toString());
        assertThat(forecast.get("milestones").get(0).get("finish").get("p50").asText()).isEqualTo(twice.toString());
        assertThat(planner.get("/api/plans/" + open + "/forecast?runs=20000&seed=7").text())
                .as("the same seed gives the same answer").isEqualTo(answer.text());

        rankedByTheirChanceOfMissing(planner, portfolio);

        JsonNode then = planner.get("/api/plans/" + open + "/forecast?asOf="
                + URLEncoder.encode(before, StandardCharsets.UTF_8)).json();
        assertThat(then.get("calibrated").asBoolean()).isFalse();
        assertThat(then.get("notCalibratedBecause").asText()).contains("at least 30");
        assertThat(then.get("goal").isNull()).isTrue();
        assertThat(then.get("referenceClass").get("size").asInt()).isLessThan(30);
        assertThat(then.get("plainForecastGoalDate").asText()).isEqualTo(TODAY.plusDays(25).toString());
    }

    /**
     * The twelve reference plans still open are past their target with every milestone reached: certain to miss.
     * A plan whose plain forecast meets its target 15 days early, but which the portfolio's record says takes twice
     * as long, is certain to miss too; moved beyond its P80, the next refresh takes it off the list.
     */
    private void rankedByTheirChanceOfMissing(Api planner, String portfolio) {
        String inPortfolio = "/api/portfolio?portfolio=" + URLEncoder.encode(portfolio, StandardCharsets.UTF_8);
        String tight = plan(planner, portfolio, "Tight plan", TODAY.plusDays(40), UUID.randomUUID(), 10,
                UUID.randomUUID(), 15);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(planner.get(inPortfolio).json().get("plansLikelyToMiss").asLong()).isEqualTo(13));
        assertThat(planner.get(inPortfolio).json().get("plansCalibrated").asLong())
                .as("the thirteen and the open plan certain to meet its target").isEqualTo(14);
        JsonNode likeliest = planner.get(inPortfolio).json().get("likelyToMiss");
        assertThat(likeliest).hasSize(10).allSatisfy(plan -> {
            assertThat(plan.get("probabilityOfMissing").asDouble()).isEqualTo(1.0);
            assertThat(plan.get("asOf").asText()).isEqualTo(TODAY.toString());
            assertThat(plan.get("targetDate").asText() + " " + plan.get("p80").asText()).isIn(
                    TODAY.minusDays(25) + " " + TODAY.minusDays(5), TODAY.plusDays(40) + " " + TODAY.plusDays(50));
        });
        String page = planner.get("/portfolio?portfolio=" + URLEncoder.encode(portfolio, StandardCharsets.UTF_8),
                "Accept", "text/html").text();
        assertThat(page).contains("Likely to miss the target").contains("The 10 likeliest of 13 plans")
                .contains("100 %");

        assertThat(planner.put("/api/plans/" + tight + "/goal", """
                {"headline": "h", "customerProblem": "p", "solution": "s", "targetDate": "%s",
                 "reason": {"category": "SCOPE", "note": "Room for what the record says it takes"}}"""
                .formatted(TODAY.plusDays(60))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(planner.get(inPortfolio).json().get("plansLikelyToMiss").asLong()).isEqualTo(12));
        assertThat(planner.get(inPortfolio).json().get("plansCalibrated").asLong()).isEqualTo(14);

        String roomyPortfolio = "Roomy " + UUID.randomUUID();
        String roomy = "/api/portfolio?portfolio=" + URLEncoder.encode(roomyPortfolio, StandardCharsets.UTF_8);
        plan(planner, roomyPortfolio, "Roomy plan", TODAY.plusDays(200), UUID.randomUUID(), 10, UUID.randomUUID(), 15);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(planner.get(roomy).json()
                .get("plansCalibrated").asLong()).as("calibrated on the organisation's record").isEqualTo(1));
        assertThat(planner.get(roomy).json().get("plansLikelyToMiss").asLong()).isZero();
        assertThat(planner.get("/portfolio?portfolio=" + URLEncoder.encode(roomyPortfolio, StandardCharsets.UTF_8),
                "Accept", "text/html").text())
                .contains("The one open plan with a calibrated forecast has no chance of missing its target");
    }

    @Test
    void badQuestionsGetProblemsThatSayWhatToAsk() {
        Api planner = new Api(port, "planner");
        String plan = plan(planner, "Forecast questions", "Questions", TODAY.plusDays(50), UUID.randomUUID(), 5,
                UUID.randomUUID(), 5);
        assertProblem(planner.get("/api/plans/" + plan + "/forecast?runs=100"), 400, "runs must be from 10000");
        assertProblem(planner.get("/api/plans/" + plan + "/forecast?asOf=2099-01-01T00:00:00Z"), 400,
                "in the future");
        assertProblem(planner.get("/api/plans/" + plan + "/forecast?seed=many"), 400, "seed");
        assertProblem(planner.get("/api/plans/" + UUID.randomUUID() + "/forecast"), 404, "");
        JsonNode draft = planner.get("/api/plans/" + plan + "/forecast?minRevision=4").json();
        assertThat(draft.get("plainForecastGoalDate").asText()).isEqualTo(TODAY.plusDays(10).toString());
        JsonNode empty = planner.get("/api/plans/" + plan(planner, "Forecast questions", "Empty",
                TODAY.plusDays(50), null, 0, null, 0) + "/forecast?minRevision=1").json();
        assertThat(empty.get("calibrated").asBoolean()).isFalse();
        assertThat(empty.get("notCalibratedBecause").asText()).contains("no milestones");
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    /** A plan of two chained milestones, the second due on the target date; none when the first id is null. */
    private static String plan(Api planner, String portfolio, String title, LocalDate target, UUID first,
                               int firstLead, UUID second, int secondLead) {
        String planId = id(planner.post("/api/plans", """
                {"title": "%s", "portfolio": "%s", "goal": {"headline": "h", "customerProblem": "p",
                 "solution": "s", "targetDate": "%s"}}""".formatted(title, portfolio, target)), "planId");
        if (first != null) {
            Api.Response refined = planner.post("/api/plans/" + planId + "/refinements", """
                    {"message": "Worked backwards", "changes": [
                      {"op": "defineMetric", "name": "Adoption", "baselineValue": 0, "targetValue": 100,
                       "direction": "INCREASE"},
                      {"op": "addMilestone", "milestoneId": "%s", "name": "First", "leadTimeDays": %d},
                      {"op": "addMilestone", "milestoneId": "%s", "name": "Second", "leadTimeDays": %d,
                       "predecessors": ["%s"]}]}""".formatted(first, firstLead, second, secondLead, first));
            assertThat(refined.status()).as(refined.toString()).isEqualTo(200);
        }
        return planId;
    }

    private static void reach(Api planner, String plan, UUID milestone, LocalDate on) {
        Api.Response reached = planner.post("/api/plans/" + plan + "/milestones/" + milestone + "/reached",
                "{\"on\": \"" + on + "\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
    }
}
