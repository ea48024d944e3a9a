package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static dev.backcast.server.PlanRequests.events;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refinement's preview answers what it would do to the due dates, decided exactly as the refinement would be, and
 * records nothing; what it refuses, the refinement refuses with the same problem.
 */
@BackcastIntegrationTest
class RefinementPreviewIT {

    private static final String LONGER_BETA = """
            {"message": "Vendor quote", "changes": [
              {"op": "reviseMilestone", "milestoneId": "%s", "leadTimeDays": 30,
               "reason": {"category": "ESTIMATE", "note": "Vendor quote"}}]}""";

    @LocalServerPort
    int port;

    Api planner;
    String planId;
    String plan;
    String ga;
    String beta;
    String prototype;

    /** DESIGN section 4's example at revision 4: "GA ready" (10 days) ← "Beta done" (20) ← "Prototype" (5). */
    @BeforeEach
    void theDesignExample() {
        planner = new Api(port, "planner");
        planId = id(planner.post("/api/plans", CurrentPlanIT.newPlan("Preview", "CALENDAR_DAYS", "2027-06-30", "[]")),
                "planId");
        plan = "/api/plans/" + planId;
        prototype = id(planner.post(plan + "/milestones", "{\"name\": \"Prototype\", \"leadTimeDays\": 5}"),
                "milestoneId");
        beta = id(planner.post(plan + "/milestones", """
                {"name": "Beta done", "leadTimeDays": 20, "predecessors": ["%s"]}""".formatted(prototype)),
                "milestoneId");
        ga = id(planner.post(plan + "/milestones", """
                {"name": "GA ready", "leadTimeDays": 10, "predecessors": ["%s"]}""".formatted(beta)), "milestoneId");
    }

    @Test
    void thePreviewShowsTheEffectOnTheDueDatesAndRecordsNothing() {
        Api.Response previewed = planner.post(plan + "/refinements/preview", LONGER_BETA.formatted(beta));

        assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
        assertThat(previewed.header("ETag")).isEqualTo("\"4\"");
        JsonNode preview = previewed.json();
        assertThat(preview.get("planId").asText()).isEqualTo(planId);
        assertThat(preview.get("revision").asLong()).isEqualTo(4);
        assertThat(preview.get("eventCount").asInt()).isEqualTo(1);
        assertThat(preview.get("targetDate").get("before").asText()).isEqualTo("2027-06-30");
        assertThat(preview.get("targetDate").get("after").asText()).isEqualTo("2027-06-30");
        assertThat(preview.get("mustStartBy").get("before").asText()).isEqualTo("2027-05-26");
        assertThat(preview.get("mustStartBy").get("after").asText()).isEqualTo("2027-05-16");
        assertThat(preview.get("forecastGoalDate").get("after").asText()).isNotBlank();
        assertThat(values(preview, "milestoneId")).containsExactly(ga, beta, prototype);
        assertThat(values(preview, "name")).containsExactly("GA ready", "Beta done", "Prototype");
        assertThat(values(preview, "effect")).containsExactly("UNCHANGED", "UNCHANGED", "MOVED");
        assertThat(values(preview, "dueBefore")).containsExactly("2027-06-30", "2027-06-20", "2027-05-31");
        assertThat(values(preview, "dueAfter")).containsExactly("2027-06-30", "2027-06-20", "2027-05-21");
        assertThat(values(preview, "startByBefore")).containsExactly("2027-06-20", "2027-05-31", "2027-05-26");
        assertThat(values(preview, "startByAfter")).containsExactly("2027-06-20", "2027-05-21", "2027-05-16");

        assertThat(events(planner, planId)).hasSize(4);
        assertThat(planner.get(plan + "?minRevision=4").json().get("revision").asLong()).isEqualTo(4);

        Api.Response refined = planner.post(plan + "/refinements", LONGER_BETA.formatted(beta),
                "If-Match", previewed.header("ETag"));
        assertThat(refined.status()).as(refined.toString()).isEqualTo(200);
        assertThat(refined.json().get("revision").asLong()).isEqualTo(4 + preview.get("eventCount").asLong());
        JsonNode view = planner.get(plan + "?minRevision=5").json();
        assertThat(CurrentPlanIT.dates(view, "due")).isEqualTo(values(preview, "dueAfter"));
        assertThat(CurrentPlanIT.dates(view, "startBy")).isEqualTo(values(preview, "startByAfter"));
        assertThat(CurrentPlanIT.dates(view, "forecast")).isEqualTo(values(preview, "forecastAfter"));
        assertThat(view.get("mustStartBy")).isEqualTo(preview.get("mustStartBy").get("after"));
    }

    @Test
    void whatTheRefinementWouldRefuseThePreviewRefusesWithTheSameProblem() {
        List<String> bodies = List.of(
                // a dependency cycle in the second change: 422 naming changes[1]
                """
                {"message": "Loop", "changes": [
                  {"op": "reviseMilestone", "milestoneId": "%s", "leadTimeDays": 30,
                   "reason": {"category": "ESTIMATE", "note": "Vendor quote"}},
                  {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                   "reason": {"category": "DEPENDENCY", "note": "Loop"}}]}""".formatted(beta, prototype, ga),
                // an unknown operation: 400 naming changes[1].op
                """
                {"message": "Typo", "changes": [{"op": "addMilestone", "name": "A", "leadTimeDays": 1},
                                                {"op": "addMilestoneX", "name": "B"}]}""",
                // no change at all
                "{\"message\": \"Nothing\", \"changes\": []}",
                // a lifecycle decision, which stands on its own
                "{\"message\": \"Lifecycle\", \"changes\": [{\"op\": \"approve\"}]}");

        for (String body : bodies) {
            Api.Response previewed = planner.post(plan + "/refinements/preview", body);
            Api.Response refined = planner.post(plan + "/refinements", body);

            assertThat(previewed.status()).as(previewed.toString()).isBetween(400, 499);
            assertThat(previewed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(withoutInstance(previewed)).as(body).isEqualTo(withoutInstance(refined));
        }
        Api.Response cycle = planner.post(plan + "/refinements/preview", bodies.get(0));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("changeIndex").asInt()).isEqualTo(1);
        assertThat(cycle.json().get("op").asText()).isEqualTo("reviseMilestone");
        assertThat(cycle.json().get("field").asText()).isEqualTo("changes[1].predecessors");
        assertThat(events(planner, planId)).hasSize(4);
    }

    @Test
    void aPreviewBasedOnAnotherRevisionIsRefusedLikeAWrite() {
        for (String ifMatch : List.of("\"3\"", "\"9\"")) {
            Api.Response previewed = planner.post(plan + "/refinements/preview", LONGER_BETA.formatted(beta),
                    "If-Match", ifMatch);
            Api.Response refined = planner.post(plan + "/refinements", LONGER_BETA.formatted(beta),
                    "If-Match", ifMatch);

            assertThat(previewed.status()).as(previewed.toString()).isEqualTo(412);
            assertThat(previewed.json().get("currentRevision").asLong()).isEqualTo(4);
            assertThat(previewed.header("ETag")).isEqualTo("\"4\"");
            assertThat(withoutInstance(previewed)).isEqualTo(withoutInstance(refined));
        }
        String reachedInTheFuture = """
                {"message": "Too early", "changes": [
                  {"op": "reachMilestone", "milestoneId": "%s", "on": "2999-01-01"}]}""".formatted(prototype);
        Api.Response previewed = planner.post(plan + "/refinements/preview", reachedInTheFuture, "If-Match", "\"3\"");
        Api.Response refined = planner.post(plan + "/refinements", reachedInTheFuture, "If-Match", "\"3\"");
        assertThat(previewed.status()).as("a refused change is named even on an old revision").isEqualTo(422);
        assertThat(withoutInstance(previewed)).as(previewed.toString()).isEqualTo(withoutInstance(refined));

        assertThat(planner.post(plan + "/refinements/preview", LONGER_BETA.formatted(beta), "If-Match", "\"4\"")
                .status()).isEqualTo(200);
        assertThat(events(planner, planId)).hasSize(4);
    }

    @Test
    void aViewerMayNotPreviewAndAnUnknownPlanIsNotFound() {
        Api.Response asViewer = planner.as("viewer").post(plan + "/refinements/preview", LONGER_BETA.formatted(beta));
        assertThat(asViewer.status()).as(asViewer.toString()).isEqualTo(403);

        String unknown = "/api/plans/5f0c8a3e-1b1a-4e4e-9d7a-00000000beef/refinements";
        Api.Response previewed = planner.post(unknown + "/preview", LONGER_BETA.formatted(beta));
        assertThat(previewed.status()).as(previewed.toString()).isEqualTo(404);
        assertThat(withoutInstance(previewed)).isEqualTo(withoutInstance(planner.post(unknown,
                LONGER_BETA.formatted(beta))));
    }

    private static List<String> values(JsonNode preview, String field) {
        List<String> values = new ArrayList<>();
        preview.get("milestones").forEach(milestone -> values.add(milestone.get(field).asText()));
        return values;
    }

    /** The problem without the path it answered, which differs between the preview and the refinement. */
    private static JsonNode withoutInstance(Api.Response response) {
        ObjectNode problem = (ObjectNode) response.json().deepCopy();
        problem.remove("instance");
        return problem;
    }
}
