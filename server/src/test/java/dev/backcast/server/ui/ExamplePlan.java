package dev.backcast.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.server.Api;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN section 4's example, the plan the browser tests read and change: GA ready (10 days) after Beta done (20) after
 * Prototype (5), target 2027-06-30, written through the API as any client would.
 */
final class ExamplePlan {

    static final String GA_READY = "GA ready";
    static final String BETA_DONE = "Beta done";
    static final String PROTOTYPE = "Prototype";

    private ExamplePlan() {
    }

    /** The example with its three milestones, at revision 4. */
    static String create(Api api, String portfolio) {
        String planId = goalOnly(api, portfolio);
        addMilestones(api, planId);
        return planId;
    }

    /** Only the press release: revision 1, without a milestone. */
    static String goalOnly(Api api, String portfolio) {
        Api.Response created = api.post("/api/plans", """
                {"title": "Example %s", "portfolio": "%s", "calendar": "CALENDAR_DAYS",
                 "goal": {"headline": "Customers launch in a day", "customerProblem": "Launching takes a month.",
                          "solution": "One checklist, worked backwards.", "targetDate": "2027-06-30"}}"""
                .formatted(UUID.randomUUID(), portfolio));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("planId").asText();
    }

    static void addMilestones(Api api, String planId) {
        String prototype = add(api, planId, "{\"name\": \"%s\", \"leadTimeDays\": 5}".formatted(PROTOTYPE));
        String beta = add(api, planId, "{\"name\": \"%s\", \"leadTimeDays\": 20, \"predecessors\": [\"%s\"]}"
                .formatted(BETA_DONE, prototype));
        add(api, planId, "{\"name\": \"%s\", \"leadTimeDays\": 10, \"predecessors\": [\"%s\"]}"
                .formatted(GA_READY, beta));
    }

    static String milestoneId(Api api, String planId, String name) {
        for (JsonNode milestone : api.get("/api/plans/" + planId + "?minRevision=4").json().get("milestones")) {
            if (milestone.get("name").asText().equals(name)) {
                return milestone.get("milestoneId").asText();
            }
        }
        throw new AssertionError("No milestone " + name + " in plan " + planId);
    }

    private static String add(Api api, String planId, String milestone) {
        Api.Response added = api.post("/api/plans/" + planId + "/milestones", milestone);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().get("milestoneId").asText();
    }
}
