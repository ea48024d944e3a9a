package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.Map;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned against actual in working days, worked out by hand on a finished plan (so nothing depends on today).
 * Monday to Friday, holiday Monday 2026-10-12, target Friday 2026-10-30. Spec (5) ← Ship (10): approval freezes
 * Ship 10-30 (start 10-16) and Spec 10-16. Extra (2) is added after approval (first planned 10-30), then removed.
 * Ship is re-estimated to 12 working days: it must start 10-14, so Spec's due moves 10-16 → 10-14, −2 working days.
 * Spec is reached on Tuesday 10-13: 3 working days before 10-16 (14th, 15th, 16th). Ship is reached and the goal
 * achieved on Tuesday 11-03: 2 working days after 10-30 (2nd and 3rd of November). Spec's trend line: due on the
 * target when added (revision 3), 10-16 once Ship depends on it (4), 10-14 after the re-estimate (8); every event is
 * recorded today, after Spec was reached, so it has no forecast point, and the achieved goal's is 11-03.
 */
@BackcastIntegrationTest
class WorkingDaysTimelineIT {

    @LocalServerPort
    int port;

    @Test
    void slipAndMovesAreCountedInWorkingDays() {
        Api planner = new Api(port, "planner");
        String plan = "/api/plans/" + id(planner.post("/api/plans", CurrentPlanIT.newPlan("Working-day slip",
                "WORKING_DAYS", "2026-10-30", "[\"2026-10-12\"]")), "planId");
        String reason = "\"reason\": {\"category\": \"ESTIMATE\", \"note\": \"Review\"}";
        id(planner.post(plan + "/metrics", "{\"name\": \"Users\", \"baselineValue\": 0, \"targetValue\": 10, "
                + "\"direction\": \"INCREASE\"}"), "metricId");
        String spec = id(planner.post(plan + "/milestones", "{\"name\": \"Spec\", \"leadTimeDays\": 5}"), "milestoneId");
        String ship = id(planner.post(plan + "/milestones", "{\"name\": \"Ship\", \"leadTimeDays\": 10, "
                + "\"predecessors\": [\"" + spec + "\"]}"), "milestoneId");
        assertThat(planner.post(plan + "/approve", null).status()).isEqualTo(200);
        String extra = id(planner.post(plan + "/milestones", "{\"name\": \"Extra\", \"leadTimeDays\": 2}"), "milestoneId");
        assertThat(planner.patch(plan + "/milestones/" + ship, "{\"leadTimeDays\": 12, " + reason + "}").status())
                .isEqualTo(200);
        assertThat(planner.delete(plan + "/milestones/" + extra + "?category=SCOPE&note=Not%20needed", null).status())
                .isEqualTo(200);
        assertThat(planner.post(plan + "/milestones/" + spec + "/reached", "{\"on\": \"2026-10-13\"}").status())
                .isEqualTo(200);
        assertThat(planner.post(plan + "/milestones/" + ship + "/reached", "{\"on\": \"2026-11-03\"}").status())
                .isEqualTo(200);
        assertThat(planner.post(plan + "/achieve", "{\"on\": \"2026-11-03\"}").status()).isEqualTo(200);

        JsonNode timeline = planner.get(plan + "/timeline").json();
        Map<String, JsonNode> lines = new HashMap<>();
        timeline.get("milestones").forEach(line -> lines.put(line.get("name").asText(), line));

        JsonNode specLine = lines.get("Spec");
        assertThat(specLine.get("firstPlannedDue").asText()).isEqualTo("2026-10-16");
        assertThat(specLine.get("baselineDue").get("approved").asText()).isEqualTo("2026-10-16");
        assertThat(specLine.get("currentDue").asText()).isEqualTo("2026-10-14");
        assertThat(specLine.get("slipAgainstFirstPlan").asInt()).isEqualTo(-3);
        assertThat(specLine.get("slipAgainstApproved").asInt()).isEqualTo(-3);
        assertThat(specLine.get("moves")).hasSize(1);
        assertThat(specLine.get("moves").get(0).get("days").asInt()).isEqualTo(-2);
        assertThat(specLine.get("moves").get(0).get("reasonCategory").asText()).isEqualTo("ESTIMATE");

        JsonNode shipLine = lines.get("Ship");
        assertThat(shipLine.get("firstPlannedDue").asText()).isEqualTo("2026-10-30");
        assertThat(shipLine.get("slipAgainstFirstPlan").asInt()).isEqualTo(2);
        assertThat(shipLine.get("moveCount").asInt()).isZero();

        JsonNode extraLine = lines.get("Extra");
        assertThat(extraLine.get("removed").asBoolean()).isTrue();
        assertThat(extraLine.get("firstPlannedDue").asText()).isEqualTo("2026-10-30");
        assertThat(extraLine.get("currentDue").isNull()).isTrue();
        assertThat(extraLine.get("slipAgainstFirstPlan").isNull()).isTrue();

        JsonNode goal = timeline.get("goal");
        assertThat(goal.get("firstPlannedTargetDate").asText()).isEqualTo("2026-10-30");
        assertThat(goal.get("achievedOn").asText()).isEqualTo("2026-11-03");
        assertThat(goal.get("slipAgainstFirstPlan").asInt()).isEqualTo(2);

        JsonNode trend = planner.get(plan + "/trend?interval=day").json();
        JsonNode specTrend = trend.get("milestones").get(0);
        assertThat(specTrend.get("name").asText()).isEqualTo("Spec");
        assertThat(specTrend.get("planned").findValuesAsText("date"))
                .containsExactly("2026-10-30", "2026-10-16", "2026-10-14");
        assertThat(specTrend.get("planned").findValuesAsText("revision")).containsExactly("3", "4", "8");
        assertThat(specTrend.get("forecasts")).isEmpty();
        assertThat(trend.get("goal").get("planned").findValuesAsText("date")).containsExactly("2026-10-30");
        assertThat(trend.get("goal").get("forecasts").findValuesAsText("forecast")).containsExactly("2026-11-03");

        JsonNode retro = planner.get(plan + "/retrospective").json();
        assertThat(retro.get("scopeAfterApproval").get("milestonesAdded").asLong()).isEqualTo(1);
        assertThat(retro.get("scopeAfterApproval").get("milestonesRemoved").asLong()).isEqualTo(1);
        assertThat(retro.get("dueDateMovesByReason").get("ESTIMATE").get("days").asLong()).isEqualTo(-2);
        assertThat(retro.get("milestonesReachedOnTime").asLong()).isEqualTo(1);
        assertThat(retro.get("milestonesReachedAgainstApproved").asLong()).isEqualTo(2);
    }
}
