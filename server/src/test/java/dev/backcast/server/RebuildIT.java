package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every read model rebuilt from the event store is identical to what was projected live. */
@BackcastIntegrationTest
class RebuildIT {

    @LocalServerPort
    int port;

    @Test
    void rebuildingThePlanProjectionReproducesEveryReadModel() {
        Api planner = new Api(port, "planner");
        Api admin = planner.as("admin");
        Random random = new Random(20271);
        List<String> plans = new ArrayList<>();
        Map<String, Long> heads = new LinkedHashMap<>();
        int commands = 0;
        for (int p = 0; p < 5; p++) {
            String planId = createPlan(planner, "Rebuild " + p);
            plans.add(planId);
            String plan = "/api/plans/" + planId;
            List<String> milestones = new ArrayList<>();
            long revision = 1;
            id(planner.post(plan + "/metrics", "{\"name\": \"Adoption\", \"unit\": \"%\", \"baselineValue\": 0, "
                    + "\"targetValue\": 50, \"direction\": \"INCREASE\"}"), "metricId");
            for (int i = 0; i < 60; i++) {
                Api.Response response = switch (milestones.isEmpty() ? 0 : random.nextInt(5)) {
                    case 0, 1 -> {
                        String predecessors = milestones.isEmpty() ? "[]"
                                : "[\"" + milestones.get(random.nextInt(milestones.size())) + "\"]";
                        Api.Response added = planner.post(plan + "/milestones", "{\"name\": \"M" + i
                                + "\", \"leadTimeDays\": " + random.nextInt(30) + ", \"predecessors\": " + predecessors + "}");
                        milestones.add(id(added, "milestoneId"));
                        yield added;
                    }
                    case 2 -> planner.patch(plan + "/milestones/" + milestones.get(random.nextInt(milestones.size())),
                            "{\"leadTimeDays\": " + random.nextInt(40) + ", \"reason\": {\"category\": \"ESTIMATE\", "
                                    + "\"note\": \"re-estimated\"}}");
                    case 3 -> planner.post(plan + "/milestones/" + milestones.get(random.nextInt(milestones.size()))
                            + "/steps", "{\"description\": \"Step " + i + "\", \"durationDays\": " + random.nextInt(20) + "}");
                    default -> planner.post(plan + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"Why " + i + "?\"}");
                };
                assertThat(response.status()).as(response.toString()).isBetween(200, 201);
                revision = response.json().get("revision").asLong();
                commands++;
            }
            if (p % 2 == 0) {
                revision = planner.post(plan + "/approve", "{}").json().get("revision").asLong();
                revision = planner.post(plan + "/milestones/" + milestones.get(0) + "/reached",
                        "{\"on\": \"" + ServerTime.TODAY + "\"}").json().get("revision").asLong();
            }
            heads.put(planId, revision);
        }
        Map<String, JsonNode> before = readModels(planner, heads);

        Api.Response rebuild = admin.post("/api/admin/projections/plans/rebuild", null);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        assertThat(planner.post("/api/admin/projections/plans/rebuild", null).status()).isEqualTo(403);
        awaitReplayed(admin);

        Map<String, JsonNode> after = readModels(planner, heads);
        assertThat(after).isEqualTo(before);
        System.out.printf("Rebuild: %d commands over %d plans, %d read models compared after the rebuild%n",
                commands, plans.size(), before.size());
    }

    private static Map<String, JsonNode> readModels(Api planner, Map<String, Long> heads) {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        heads.forEach((planId, head) -> {
            Api.Response current = planner.get("/api/plans/" + planId + "?minRevision=" + head);
            assertThat(current.status()).as(current.toString()).isEqualTo(200);
            models.put("plan " + planId, current.json());
            models.put("history " + planId, planner.get("/api/plans/" + planId
                    + "/revisions?order=oldest&limit=500").json());
            models.put("forecast " + planId, planner.get("/api/plans/" + planId + "/forecast").json());
        });
        models.put("list", planner.get("/api/plans?portfolio=Payments&sort=title&size=200").json());
        models.put("portfolio", planner.get("/api/portfolio?portfolio=Payments&size=200").json());
        models.put("organisation's tallied figures", PortfolioRollUpIT.tallied(planner.get("/api/portfolio?size=1").json()));
        return models;
    }

    /** Waits until the plans projection replayed every event after a rebuild. */
    static void awaitReplayed(Api admin) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = projection(admin, "plans");
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("lag").asLong()).isZero();
        });
    }

    static JsonNode projection(Api admin, String name) {
        for (JsonNode projection : admin.get("/api/admin/projections").json()) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("No projection named " + name);
    }
}
