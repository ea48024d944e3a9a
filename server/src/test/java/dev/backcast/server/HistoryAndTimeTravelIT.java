package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The revision history, the plan as it stood at any revision or instant, and diffs between revisions. */
@BackcastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryAndTimeTravelIT {

    @LocalServerPort
    int port;

    Api planner;
    String planId;
    String plan;
    String ga;
    String beta;
    String prototype;
    final Map<Long, JsonNode> viewAtRevision = new TreeMap<>();

    @BeforeAll
    void aPlanIsWorkedOnByTwoPeople() {
        planner = new Api(port, "planner");
        Api admin = planner.as("admin");
        planId = id(planner.post("/api/plans", CurrentPlanIT.newPlan("History", "CALENDAR_DAYS", "2027-06-30", "[]")),
                "planId");
        plan = "/api/plans/" + planId;
        capture(1);
        ga = id(capture(planner.post(plan + "/milestones", "{\"name\": \"GA ready\", \"leadTimeDays\": 10}")), "milestoneId");
        beta = id(capture(planner.post(plan + "/milestones", "{\"name\": \"Beta done\", \"leadTimeDays\": 20, "
                + "\"predecessors\": []}")), "milestoneId");
        prototype = id(capture(admin.post(plan + "/milestones", "{\"name\": \"Prototype\", \"leadTimeDays\": 5}")),
                "milestoneId");
        capture(planner.post(plan + "/refinements", """
                {"message": "Chain them", "changes": [
                  {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                   "reason": {"category": "DEPENDENCY", "note": "GA after beta"}},
                  {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                   "reason": {"category": "DEPENDENCY", "note": "Beta after prototype"}}]}"""
                .formatted(ga, beta, beta, prototype)));
        capture(planner.patch(plan + "/milestones/" + beta, "{\"leadTimeDays\": 30, "
                + "\"reason\": {\"category\": \"ESTIMATE\", \"note\": \"vendor quote\"}}"));
        capture(admin.post(plan + "/milestones/" + prototype + "/steps", "{\"description\": \"Sketch\", \"durationDays\": 2}"));
    }

    private Api.Response capture(Api.Response write) {
        assertThat(write.status()).as(write.toString()).isBetween(200, 201);
        capture(write.json().get("revision").asLong());
        return write;
    }

    private void capture(long revision) {
        Api.Response read = planner.get(plan + "?minRevision=" + revision);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        viewAtRevision.put(revision, read.json());
    }

    private List<JsonNode> history(String query) {
        List<JsonNode> entries = new ArrayList<>();
        planner.get(plan + "/revisions?minRevision=8&" + query).json().get("items").forEach(entries::add);
        return entries;
    }

    @Test
    void theHistoryHasOneExplainedEntryPerEvent() {
        List<JsonNode> entries = history("order=oldest&limit=100");

        assertThat(entries).extracting(entry -> entry.get("revision").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(entries).extracting(entry -> entry.get("eventType").asText()).containsExactly(
                "PlanCreated", "MilestoneAdded", "MilestoneAdded", "MilestoneAdded", "MilestonePredecessorsChanged",
                "MilestonePredecessorsChanged", "MilestoneLeadTimeReestimated", "StepAdded");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("summary").asText()).isNotBlank().doesNotContain(planId);
            assertThat(entry.get("recordedAt").asText()).isNotBlank();
        });
        JsonNode reestimate = entries.get(6);
        assertThat(reestimate.get("summary").asText()).isEqualTo("Beta done: lead time 20 → 30 days (ESTIMATE: vendor quote)");
        assertThat(reestimate.get("reason").get("category").asText()).isEqualTo("ESTIMATE");
        assertThat(reestimate.get("changes")).hasSize(1);
        assertThat(reestimate.get("changes").get(0).get("path").asText()).isEqualTo("milestones/" + beta + "/leadTimeDays");
        assertThat(reestimate.get("changes").get(0).get("before").asInt()).isEqualTo(20);
        assertThat(reestimate.get("changes").get(0).get("after").asInt()).isEqualTo(30);
        JsonNode moved = reestimate.get("dueDateEffects").get("moved");
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).get("milestoneName").asText()).isEqualTo("Prototype");
        assertThat(moved.get(0).get("from").asText()).isEqualTo("2027-05-31");
        assertThat(moved.get(0).get("to").asText()).isEqualTo("2027-05-21");
        assertThat(reestimate.get("dueDateEffects").get("mustStartByAfter").asText()).isEqualTo("2027-05-16");
        assertThat(entries.get(4).get("changeSetMessage").asText()).isEqualTo("Chain them");
        assertThat(entries.get(4).get("changeSetId").asText()).isEqualTo(entries.get(5).get("changeSetId").asText());
        assertThat(history("").get(0).get("revision").asLong()).isEqualTo(8);
    }

    @Test
    void everyFilterNarrowsTheHistory() {
        assertThat(history("author=admin")).extracting(entry -> entry.get("revision").asLong()).containsExactly(8L, 4L);
        assertThat(history("type=MilestoneAdded")).hasSize(3);
        assertThat(history("reasonCategory=DEPENDENCY")).hasSize(2);
        assertThat(history("fromRevision=3&toRevision=5&order=oldest"))
                .extracting(entry -> entry.get("revision").asLong()).containsExactly(3L, 4L, 5L);
        List<JsonNode> all = history("order=oldest");
        String fourth = all.get(3).get("recordedAt").asText();
        String sixth = all.get(5).get("recordedAt").asText();
        assertThat(history("order=oldest&from=" + fourth + "&to=" + sixth))
                .extracting(entry -> entry.get("revision").asLong()).containsExactly(4L, 5L, 6L);

        Set<Long> paged = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = planner.get(plan + "/revisions?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(entry -> assertThat(paged.add(entry.get("revision").asLong())).isTrue());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(paged).hasSize(8);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void thePlanAtAnEarlierRevisionOrInstantIsExactlyWhatWasShownThen() {
        List<JsonNode> entries = history("order=oldest");
        for (Map.Entry<Long, JsonNode> captured : viewAtRevision.entrySet()) {
            long revision = captured.getKey();
            Api.Response atRevision = planner.get(plan + "?revision=" + revision);
            assertThat(atRevision.status()).isEqualTo(200);
            assertThat(atRevision.header("ETag")).isEqualTo("\"" + revision + "\"");
            assertThat(atRevision.json()).as("revision %d", revision).isEqualTo(captured.getValue());

            String recordedAt = entries.get((int) revision - 1).get("recordedAt").asText();
            assertThat(planner.get(plan + "?asOf=" + recordedAt).json()).as("as of revision %d", revision)
                    .isEqualTo(captured.getValue());
        }
        assertThat(planner.get(plan + "?asOf=" + Instant.now()).json().get("revision").asLong()).isEqualTo(8);
    }

    @Test
    void aDiffNamesWhatChangedBetweenTwoRevisions() {
        JsonNode diff = planner.get(plan + "/diff?from=2&to=8").json();

        assertThat(diff.get("milestonesAdded").findValuesAsText("name")).containsExactlyInAnyOrder("Beta done", "Prototype");
        assertThat(diff.get("milestonesRemoved")).isEmpty();
        assertThat(diff.get("stepsAdded").findValuesAsText("name")).containsExactly("Sketch");
        assertThat(diff.get("revisions")).extracting(entry -> entry.get("revision").asLong())
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(diff.get("changes").findValuesAsText("path")).contains("milestones/" + beta,
                "milestones/" + ga + "/predecessors");

        JsonNode reestimate = planner.get(plan + "/diff?from=6&to=7").json();
        assertThat(reestimate.get("dueDates").get("moved").findValuesAsText("milestoneName")).containsExactly("Prototype");
    }

    @Test
    void badQueriesNameTheParameter() {
        assertProblem(planner.get(plan + "?revision=0"), 400, "revision");
        assertProblem(planner.get(plan + "?revision=9"), 400, "revision");
        assertProblem(planner.get(plan + "?asOf=yesterday"), 400, "asOf");
        assertProblem(planner.get(plan + "?revision=2&asOf=" + Instant.now()), 400, "asOf");
        assertProblem(planner.get(plan + "/diff?from=5&to=2"), 400, "from");
        assertProblem(planner.get(plan + "/revisions?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z"), 400, "from");
        assertProblem(planner.get(plan + "/revisions?cursor=abc"), 400, "cursor");
        assertProblem(planner.get(plan + "?minRevision=99"), 400, "minRevision");
        assertProblem(planner.get(plan + "?asOf=2000-01-01T00:00:00Z"), 404, null);
        assertProblem(planner.get("/api/plans/5f0c8a3e-1b1a-4e4e-9d7a-00000000abcd"), 404, null);
        assertProblem(planner.get("/api/plans/5f0c8a3e-1b1a-4e4e-9d7a-00000000abcd/revisions"), 404, null);
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("field").asText()).isEqualTo(field);
        }
    }
}
