package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.backcast.server.PlanRequests.TARGET;
import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.events;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/** A planner works backwards from a press release to an approved plan, and every decision is in the record. */
@BackcastIntegrationTest
class WorkingBackwardsJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlannersDecisionsAreRecordedAsAttributedEventsInRevisionOrder() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Mobile wallet for small merchants");
        String plan = "/api/plans/" + planId;

        String merchants = id(planner.post(plan + "/metrics", """
                {"name": "Active merchants", "unit": "merchants", "baselineValue": 0, "targetValue": 5000,
                 "direction": "INCREASE"}"""), "metricId");
        String ga = id(planner.post(plan + "/milestones", """
                {"name": "General availability", "owner": "ines", "leadTimeDays": 14, "metrics": ["%s"]}"""
                .formatted(merchants)), "milestoneId");
        String beta = id(planner.post(plan + "/milestones", """
                {"name": "Closed beta with 50 merchants", "owner": "ana", "leadTimeDays": 40}"""), "milestoneId");
        String recruit = id(planner.post(plan + "/milestones/" + beta + "/steps", """
                {"description": "Recruit 50 market merchants", "owner": "ana", "durationDays": 15}"""), "stepId");
        id(planner.post(plan + "/milestones/" + beta + "/steps", """
                {"description": "Run the beta for four weekends", "durationDays": 28, "predecessors": ["%s"]}"""
                .formatted(recruit)), "stepId");
        String skeptic = id(planner.post(plan + "/questions", """
                {"kind": "SKEPTIC", "text": "Why will the card schemes certify a phone?"}"""), "questionId");
        id(planner.post(plan + "/risks", """
                {"description": "iOS entitlement may be delayed", "likelihood": 3, "impact": 5,
                 "mitigation": "Apply early"}"""), "riskId");

        Api.Response refined = planner.post(plan + "/refinements", """
                {"message": "GA needs the beta; attestation before GA answers the skeptic",
                 "answers": ["%s"],
                 "changes": [
                   {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                    "reason": {"category": "DEPENDENCY", "note": "Beta feedback gates GA"}},
                   {"op": "addMilestone", "milestoneId": "7e1d1f6c-2f44-4b43-9c4e-1f3b8f5a0c11",
                    "name": "Device attestation in place", "leadTimeDays": 20},
                   {"op": "reviseMilestone", "milestoneId": "%s",
                    "predecessors": ["%s", "7e1d1f6c-2f44-4b43-9c4e-1f3b8f5a0c11"],
                    "reason": {"category": "FEEDBACK", "note": "Skeptic review"}}]}"""
                .formatted(skeptic, ga, beta, ga, beta));
        assertThat(refined.status()).as(refined.toString()).isEqualTo(200);
        String changeSetId = refined.json().get("changeSetId").asText();

        Api.Response approved = planner.post(plan + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Api.Response reached = planner.post(plan + "/milestones/" + beta + "/reached",
                "{\"on\": \"" + ServerTime.TODAY + "\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.header("ETag")).isEqualTo("\"" + reached.json().get("revision").asLong() + "\"");

        List<JsonNode> events = events(planner, planId);
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly(
                "PlanCreated", "MetricDefined", "MilestoneAdded", "MilestoneAdded", "StepAdded", "StepAdded",
                "QuestionRaised", "RiskIdentified",
                "MilestonePredecessorsChanged", "MilestoneAdded", "MilestonePredecessorsChanged", "QuestionAnswered",
                "PlanApproved", "BaselineCaptured", "MilestoneReached");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("revision").asLong()).isEqualTo(i + 1);
            assertThat(events.get(i).get("author").asText()).isEqualTo("planner");
            assertThat(events.get(i).get("recordedAt").asText()).isNotBlank();
        }
        assertThat(events.subList(8, 12)).allSatisfy(event ->
                assertThat(event.get("changeSetId").asText()).isEqualTo(changeSetId));
        assertThat(events.get(8).get("reason").get("category").asText()).isEqualTo("DEPENDENCY");
        assertThat(events.get(0).get("event").get("goal").get("targetDate").asText()).isEqualTo(TARGET.toString());

        JsonNode baseline = events.get(13).get("event");
        assertThat(baseline.get("name").asText()).isEqualTo("approved");
        LocalDate gaDue = LocalDate.parse(baseline.get("dueDates").get(ga).asText());
        LocalDate betaDue = LocalDate.parse(baseline.get("dueDates").get(beta).asText());
        assertThat(gaDue).isEqualTo(TARGET);
        assertThat(betaDue).isEqualTo(TARGET.minusDays(14));

        Map<String, Object> logged = jdbc.queryForMap("""
                SELECT count(*) AS events, max(revision) AS head, count(DISTINCT author) AS authors
                  FROM plan_event_log WHERE plan_id = ?::uuid""", planId);
        assertThat(logged).containsEntry("events", 15L).containsEntry("head", 15L).containsEntry("authors", 1L);
        assertThat(jdbc.queryForObject("""
                SELECT payload ->> 'name' FROM plan_event_log
                 WHERE plan_id = ?::uuid AND event_type = 'BaselineCaptured'""", String.class, planId))
                .isEqualTo("approved");
    }

    @Test
    void everyWriteEndpointAcceptsItsDecision() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Kiosks in ten branches");
        String plan = "/api/plans/" + planId;
        String reason = "\"reason\": {\"category\": \"ESTIMATE\", \"note\": \"Vendor quote\"}";
        String metric = id(planner.post(plan + "/metrics", """
                {"name": "Queue time", "unit": "min", "baselineValue": 20, "targetValue": 5, "direction": "DECREASE"}"""),
                "metricId");
        assertThat(planner.patch(plan + "/metrics/" + metric, "{\"targetValue\": 4, " + reason + "}").status()).isEqualTo(200);
        assertThat(planner.post(plan + "/metrics/" + metric + "/measurements",
                "{\"value\": 18, \"on\": \"" + ServerTime.TODAY + "\"}").status()).isEqualTo(200);
        String hardware = id(planner.post(plan + "/milestones", "{\"name\": \"Hardware delivered\", \"leadTimeDays\": 40}"),
                "milestoneId");
        String rollout = id(planner.post(plan + "/milestones", """
                {"name": "Kiosks live", "leadTimeDays": 20, "predecessors": ["%s"]}""".formatted(hardware)), "milestoneId");
        assertThat(planner.patch(plan + "/milestones/" + hardware, "{\"leadTimeDays\": 70, \"deadline\": \""
                + TARGET.minusDays(30) + "\", " + reason + "}").status()).isEqualTo(200);
        String step = id(planner.post(plan + "/milestones/" + rollout + "/steps",
                "{\"description\": \"Train greeters\", \"durationDays\": 5}"), "stepId");
        assertThat(planner.patch(plan + "/milestones/" + rollout + "/steps/" + step,
                "{\"durationDays\": 8, " + reason + "}").status()).isEqualTo(200);
        assertThat(planner.post(plan + "/milestones/" + rollout + "/steps/" + step + "/done",
                "{\"on\": \"" + ServerTime.TODAY + "\"}").status()).isEqualTo(200);
        assertThat(planner.delete(plan + "/milestones/" + rollout + "/steps/" + step + "/done?category=OTHER&note=Not%20yet",
                null).status()).isEqualTo(200);
        assertThat(planner.delete(plan + "/milestones/" + rollout + "/steps/" + step,
                "{\"reason\": {\"category\": \"SCOPE\", \"note\": \"Greeters trained by HR\"}}").status()).isEqualTo(200);
        String question = id(planner.post(plan + "/questions", "{\"kind\": \"CUSTOMER_FAQ\", \"text\": \"Cash?\"}"),
                "questionId");
        assertThat(planner.put(plan + "/questions/" + question + "/answer", "{\"answer\": \"Deposits only\"}").status())
                .isEqualTo(200);
        String risk = id(planner.post(plan + "/risks", "{\"description\": \"Vendor exit\", \"likelihood\": 4, \"impact\": 5}"),
                "riskId");
        assertThat(planner.patch(plan + "/risks/" + risk, "{\"likelihood\": 5, " + reason + "}").status()).isEqualTo(200);
        assertThat(planner.patch(plan + "/risks/" + risk, "{\"outcome\": \"MATERIALISED\", \"note\": \"Vendor left\"}")
                .status()).isEqualTo(200);
        assertThat(planner.put(plan + "/goal", """
                {"headline": "Customers skip the queue", "customerProblem": "Queues", "solution": "Kiosks",
                 "targetDate": "%s", %s}""".formatted(TARGET.plusDays(10), reason)).status()).isEqualTo(200);
        assertThat(planner.patch(plan, "{\"portfolio\": \"Branches\", \"calendar\": \"WORKING_DAYS\", " + reason + "}")
                .status()).isEqualTo(200);
        assertThat(planner.post(plan + "/baselines", "{\"name\": \"Before approval\"}").status()).isEqualTo(200);
        assertThat(planner.post(plan + "/approve", "{}").status()).isEqualTo(200);
        assertThat(planner.post(plan + "/milestones/" + hardware + "/reached", "{\"on\": \"" + ServerTime.TODAY + "\"}")
                .status()).isEqualTo(200);
        assertThat(planner.delete(plan + "/milestones/" + hardware + "/reached", "{" + reason + "}").status()).isEqualTo(200);
        assertThat(planner.delete(plan + "/milestones/" + rollout, "{" + reason + "}").status()).isEqualTo(200);
        assertThat(planner.delete(plan + "/metrics/" + metric + "?category=SCOPE&note=Replaced", null).status())
                .isEqualTo(200);
        assertThat(planner.post(plan + "/achieve", "{\"on\": \"" + ServerTime.TODAY + "\"}").status()).isEqualTo(200);
        assertThat(planner.post(plan + "/abandon", "{" + reason + "}").status()).isEqualTo(409);
        JsonNode achieved = planner.get(plan + "?minRevision=29").json();
        assertThat(achieved.get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(achieved.get("forecastGoalDate").asText()).isEqualTo(ServerTime.TODAY.toString());
        assertThat(achieved.get("lateByDays").asInt()).isZero();

        List<JsonNode> events = events(planner, planId);
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly(
                "PlanCreated", "MetricDefined", "MetricRevised", "MetricMeasured", "MilestoneAdded", "MilestoneAdded",
                "MilestoneLeadTimeReestimated", "MilestoneDeadlineChanged", "StepAdded", "StepRevised",
                "StepMarkedDone", "StepReopened", "StepRemoved", "QuestionRaised", "QuestionAnswered",
                "RiskIdentified", "RiskReassessed", "RiskClosed", "GoalRedefined", "TargetDateMoved",
                "PlanDetailsChanged", "BaselineCaptured", "PlanApproved", "BaselineCaptured", "MilestoneReached",
                "MilestoneReachRetracted", "MilestoneRemoved", "MetricDropped", "GoalAchieved");

        JsonNode history = planner.get(plan + "/revisions?order=oldest&minRevision=" + events.size()).json().get("items");
        assertThat(history).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode entry = history.get(i);
            assertThat(entry.get("eventType").asText()).isEqualTo(events.get(i).get("type").asText());
            assertThat(entry.get("summary").asText()).as(entry.toString()).isNotBlank().doesNotContain("null");
            assertThat(entry.get("dueDateEffects").has("moved")).isTrue();
        }
        assertThat(history.get(6).get("summary").asText())
                .isEqualTo("Hardware delivered: lead time 40 → 70 days (ESTIMATE: Vendor quote)");
        assertThat(history.get(6).get("dueDateEffects").get("moved")).isEmpty();
        assertThat(history.get(7).get("dueDateEffects").get("moved").findValuesAsText("milestoneName"))
                .containsExactly("Hardware delivered");
        assertThat(history.get(19).get("eventType").asText()).isEqualTo("TargetDateMoved");
        assertThat(history.get(19).get("dueDateEffects").get("moved").findValuesAsText("milestoneName"))
                .containsExactly("Kiosks live");
    }
}
