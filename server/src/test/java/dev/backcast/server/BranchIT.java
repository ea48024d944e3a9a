package dev.backcast.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if branches through HTTP: "what if the certification takes 30 more days, and we drop the beta?" tried on a
 * branch, never seen by the plan of record, its lists, its portfolio or the event export; compared with the plan,
 * refused as a merge once the plan changed the same milestone, merged when it did not, and discarded.
 */
@BackcastIntegrationTest
class BranchIT {

    private static final LocalDate TODAY = ServerTime.TODAY;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID beta = UUID.randomUUID();
    private final UUID certification = UUID.randomUUID();

    @Test
    void aWhatIfIsTriedOnABranchComparedMergedAndDiscardedWithoutTouchingThePlanOfRecordUntilMerged()
            throws JsonProcessingException {
        Api planner = new Api(port, "planner");
        String portfolio = "Branching " + UUID.randomUUID();
        String plan = approvedPlan(planner, portfolio);
        long approved = planner.get(plan + "?minRevision=5").json().get("revision").asLong();
        long eventsBefore = exportedEvents(planner).size();

        Api.Response started = planner.post(plan + "/branches", "{\"name\": \"Slow certification, no beta\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String branchId = started.json().get("branchId").asText();
        String branch = plan + "/branches/" + branchId;
        assertThat(started.header("Location")).endsWith(branch);
        assertThat(started.json().get("fromRevision").asLong()).isEqualTo(approved);
        assertThat(started.json().get("revision").asLong()).isEqualTo(1);

        JsonNode onBranch = planner.get(branch + "?minRevision=1").json();
        assertThat(onBranch.get("branch").get("planId").asText()).isEqualTo(plan.substring("/api/plans/".length()));
        assertThat(onBranch.get("branch").get("status").asText()).isEqualTo("OPEN");
        assertThat(onBranch.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(onBranch.get("milestones")).hasSize(2);

        ok(planner.patch(branch + "/milestones/" + certification, """
                {"leadTimeDays": 50, "reason": {"category": "ESTIMATE", "note": "The lab is booked for a month"}}"""));
        ok(planner.delete(branch + "/milestones/" + beta + "?category=SCOPE&note=No+beta", null));
        assertThat(planner.get(branch + "?minRevision=3").json().get("milestones")).hasSize(1);

        JsonNode record = planner.get(plan).json();
        assertThat(record.get("revision").asLong()).as("the plan of record never moved").isEqualTo(approved);
        assertThat(record.has("branch")).isFalse();
        assertThat(record.get("milestones")).hasSize(2);
        JsonNode listed = planner.get("/api/plans?portfolio=" + encoded(portfolio)).json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(planner.get("/api/portfolio?portfolio=" + encoded(portfolio)).json().get("plans").asInt())
                .isEqualTo(1);
        assertThat(exportedEvents(planner)).hasSize((int) eventsBefore)
                .noneMatch(line -> line.contains(branchId));
        assertThat(planner.get(plan + "/events").text()).doesNotContain(branchId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_event_log WHERE plan_id = ?::uuid", Long.class,
                branchId)).as("the analysts' log holds plans of record only").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, branchId)).as("the branch's own stream").isEqualTo(3);
        Api auditor = new Api(port, "auditor");
        JsonNode planChain = auditor.get(plan + "/audit").json();
        assertThat(planChain.get("status").asText()).isEqualTo("INTACT");
        assertThat(planChain.get("events").asLong()).as("the plan's chain holds its own events").isEqualTo(approved);
        JsonNode branchChain = auditor.get(branch + "/audit").json();
        assertThat(branchChain.get("status").asText()).isEqualTo("INTACT");
        assertThat(branchChain.get("events").asLong()).as("the branch has a chain of its own").isEqualTo(3);

        JsonNode comparison = planner.get(branch + "/compare").json();
        assertThat(comparison.get("planRevision").asLong()).isEqualTo(approved);
        assertThat(comparison.get("branchRevision").asLong()).isEqualTo(3);
        assertThat(comparison.get("diff").get("milestonesRemoved").get(0).get("name").asText()).isEqualTo("Beta");
        assertThat(comparison.get("diff").get("changes").toString())
                .contains("milestones/" + certification + "/leadTimeDays");
        assertThat(comparison.get("diff").get("revisions")).hasSize(2);
        LocalDate planForecast = LocalDate.parse(comparison.get("plan").get("forecastGoalDate").asText());
        LocalDate branchForecast = LocalDate.parse(comparison.get("branch").get("forecastGoalDate").asText());
        assertThat(branchForecast).isEqualTo(planForecast.plusDays(30));
        assertThat(comparison.get("plan").get("lateByDays").asInt()).isZero();
        assertThat(comparison.get("branch").get("lateByDays").asInt()).isEqualTo(20);
        assertThat(comparison.get("plan").has("calibratedP80")).isTrue();

        ok(planner.patch(plan + "/milestones/" + certification, """
                {"leadTimeDays": 25, "reason": {"category": "ESTIMATE", "note": "Vendor quote"}}"""));
        Api.Response refused = planner.post(branch + "/merge", "{\"message\": \"Accept the slower lab\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("conflicts").get(0).get("element").asText())
                .isEqualTo("milestones/" + certification);
        assertThat(refused.json().get("detail").asText()).contains("Slow certification, no beta");

        Api.Response stale = planner.delete(branch + "?category=OTHER&note=Superseded", null, "If-Match", "\"2\"");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        Api.Response discarded = planner.delete(branch + "?category=OTHER&note=Superseded", null, "If-Match", "\"3\"");
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        assertThat(discarded.json().get("revision").asLong()).isEqualTo(4);
        assertThat(discarded.header("ETag")).isEqualTo("\"4\"");
        JsonNode discardedAtOnce = planner.get(plan + "/branches").json().get(0);
        assertThat(discardedAtOnce.get("status").asText()).as("the answer waits until the branch reads as discarded")
                .isEqualTo("DISCARDED");
        assertThat(discardedAtOnce.get("revision").asLong()).isEqualTo(4);
        Api.Response afterDiscard = planner.patch(branch + "/milestones/" + certification,
                "{\"leadTimeDays\": 60, \"reason\": {\"category\": \"ESTIMATE\", \"note\": \"n\"}}");
        assertThat(afterDiscard.status()).as(afterDiscard.toString()).isEqualTo(409);
        assertThat(afterDiscard.json().get("detail").asText()).contains("discarded");

        long head = planner.get(plan + "?minRevision=" + (approved + 1)).json().get("revision").asLong();
        String docs = mergedBranchAddsDocs(planner, plan, head);
        JsonNode merged = planner.get(plan + "?minRevision=" + (head + 1)).json();
        assertThat(merged.get("milestones").toString()).contains(docs).contains("Docs");
        assertThat(merged.get("revision").asLong()).isEqualTo(head + 1);
        JsonNode mergedRevision = planner.get(plan + "/revisions?order=newest").json().get("items").get(0);
        assertThat(mergedRevision.toString()).contains("Docs before launch");

        JsonNode branches = planner.get(plan + "/branches").json();
        assertThat(branches).hasSize(2);
        assertThat(branches.get(0).get("status").asText()).isEqualTo("DISCARDED");
        assertThat(branches.get(1).get("status").asText()).isEqualTo("MERGED");
        assertThat(branches.get(1).get("name").asText()).isEqualTo("Docs");
    }

    /** A second branch from the head adds a milestone nobody touched on the plan; merged with If-Match. */
    private String mergedBranchAddsDocs(Api planner, String plan, long head) {
        String branchId = id(planner.post(plan + "/branches", "{\"name\": \"Docs\", \"fromRevision\": " + head + "}"),
                "branchId");
        String branch = plan + "/branches/" + branchId;
        String docs = id(planner.post(branch + "/milestones", "{\"name\": \"Docs\", \"leadTimeDays\": 5}"),
                "milestoneId");
        String key = "merge-" + branchId;
        Api.Response merged = planner.post(branch + "/merge", "{\"message\": \"Docs before launch\"}",
                "If-Match", "\"" + head + "\"", "Idempotency-Key", key);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("revision").asLong()).isEqualTo(head + 1);
        assertThat(merged.json().get("changes").asInt()).isEqualTo(1);
        Api.Response retried = planner.post(branch + "/merge", "{\"message\": \"Docs before launch\"}",
                "If-Match", "\"" + head + "\"", "Idempotency-Key", key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("revision").asLong()).isEqualTo(head + 1);
        Api.Response again = planner.post(branch + "/milestones", "{\"name\": \"More\", \"leadTimeDays\": 5}");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("merged");
        return docs;
    }

    @Test
    void branchAddressesAndStartsThatCannotBeServedAreRefusedWithProblems() {
        Api planner = new Api(port, "planner");
        String plan = approvedPlan(planner, "Branch questions " + UUID.randomUUID());
        String other = approvedPlan(planner, "Branch questions " + UUID.randomUUID());
        String branchId = id(planner.post(plan + "/branches", "{\"name\": \"Try\"}"), "branchId");

        assertProblem(planner.post(plan + "/branches", "{}"), 400, "needs a name");
        assertProblem(planner.post(plan + "/branches", "{\"name\": \"Late\", \"fromRevision\": 999}"), 400,
                "does not exist");
        assertProblem(planner.post("/api/plans/" + UUID.randomUUID() + "/branches", "{\"name\": \"Nothing\"}"), 404,
                "");
        assertProblem(planner.get(other + "/branches/" + branchId + "/timeline"), 404, "has no what-if branch");
        assertProblem(planner.get(plan + "/branches/" + UUID.randomUUID()), 404, "has no what-if branch");
        assertProblem(planner.post(plan + "/branches/" + branchId + "/branches", "{\"name\": \"Deeper\"}"), 422,
                "already a what-if branch");
        assertProblem(planner.post(plan + "/branches/" + branchId + "/merge", "{}"), 422, "no change to merge");
        assertProblem(planner.delete(plan + "/branches/" + branchId, null), 400, "reason");
        assertProblem(new Api(port, "viewer").post(plan + "/branches", "{\"name\": \"Not mine\"}"), 403, "");
        assertThat(planner.get(plan + "/branches/" + branchId + "/timeline").status()).isEqualTo(200);
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    /** A plan with a metric and two independent milestones, Beta (10 days) and Certification (20), due in 30 days. */
    private String approvedPlan(Api planner, String portfolio) {
        String planId = id(planner.post("/api/plans", """
                {"title": "Launch", "portfolio": "%s", "goal": {"headline": "h", "customerProblem": "p",
                 "solution": "s", "targetDate": "%s"}}""".formatted(portfolio, TODAY.plusDays(30))), "planId");
        ok(planner.post("/api/plans/" + planId + "/refinements", """
                {"message": "Worked backwards", "changes": [
                  {"op": "defineMetric", "name": "Adoption", "baselineValue": 0, "targetValue": 100,
                   "direction": "INCREASE"},
                  {"op": "addMilestone", "milestoneId": "%s", "name": "Beta", "leadTimeDays": 10},
                  {"op": "addMilestone", "milestoneId": "%s", "name": "Certification", "leadTimeDays": 20}]}"""
                .formatted(beta, certification)));
        ok(planner.post("/api/plans/" + planId + "/approve", null));
        return "/api/plans/" + planId;
    }

    private List<String> exportedEvents(Api planner) throws JsonProcessingException {
        List<String> lines = new ArrayList<>();
        long after = 0;
        while (true) {
            String page = planner.get("/api/events?limit=10000&after=" + after).text();
            if (page.isBlank()) {
                return lines;
            }
            for (String line : page.split("\n")) {
                lines.add(line);
            }
            after = JSON.readTree(lines.get(lines.size() - 1)).get("position").asLong();
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
