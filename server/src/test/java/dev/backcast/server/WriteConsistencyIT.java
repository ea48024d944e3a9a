package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.events;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Every accepted decision is recorded exactly once; a refused one leaves no trace. */
@BackcastIntegrationTest
class WriteConsistencyIT {

    @LocalServerPort
    int port;

    @Test
    void aRefinementWithOneBadChangeRecordsNothingAndNamesTheChange() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Atomic refinement");
        String plan = "/api/plans/" + planId;
        String first = id(planner.post(plan + "/milestones", "{\"name\": \"First\", \"leadTimeDays\": 5}"), "milestoneId");
        String second = id(planner.post(plan + "/milestones", """
                {"name": "Second", "leadTimeDays": 5, "predecessors": ["%s"]}""".formatted(first)), "milestoneId");

        Api.Response refused = planner.post(plan + "/refinements", """
                {"message": "Reshuffle",
                 "changes": [
                   {"op": "addMilestone", "name": "Third", "leadTimeDays": 3},
                   {"op": "reviseMilestone", "milestoneId": "%s", "leadTimeDays": 9,
                    "reason": {"category": "ESTIMATE", "note": "More work"}},
                   {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                    "reason": {"category": "DEPENDENCY", "note": "Loop"}}]}""".formatted(first, first, second));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("changeIndex").asInt()).isEqualTo(2);
        assertThat(refused.json().get("field").asText()).isEqualTo("changes[2].predecessors");
        assertThat(refused.json().get("detail").asText()).contains("cycle");
        assertThat(events(planner, planId)).hasSize(3);

        Api.Response unknownOp = planner.post(plan + "/refinements", """
                {"message": "Typo", "changes": [{"op": "addMilestone", "name": "A", "leadTimeDays": 1},
                                                {"op": "addMilestoneX", "name": "B"}]}""");
        assertThat(unknownOp.status()).isEqualTo(400);
        assertThat(unknownOp.json().get("field").asText()).isEqualTo("changes[1].op");
        assertThat(events(planner, planId)).hasSize(3);
    }

    @Test
    void aWriteBasedOnAnOldRevisionIsRefusedWith412() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Stale writer");
        String plan = "/api/plans/" + planId;
        Api.Response added = planner.post(plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5}", "If-Match", "\"1\"");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("ETag")).isEqualTo("\"2\"");

        Api.Response stale = planner.post(plan + "/milestones", "{\"name\": \"B\", \"leadTimeDays\": 5}", "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentRevision").asLong()).isEqualTo(2);
        assertThat(events(planner, planId)).hasSize(2);
        assertThat(planner.post(plan + "/milestones", "{\"name\": \"B\", \"leadTimeDays\": 5}", "If-Match", "\"2\"")
                .status()).isEqualTo(201);
    }

    @Test
    void concurrentWritersOnOnePlanLoseNoEventAndLeaveNoGap() throws Exception {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Hot plan");
        int writers = 8;
        int commandsEach = 50;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int w = writer;
            done.add(pool.submit(() -> {
                for (int i = 0; i < commandsEach; i++) {
                    Api.Response response = planner.post("/api/plans/" + planId + "/questions",
                            "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Question " + w + "-" + i + "\"}");
                    assertThat(response.status()).as(response.toString()).isEqualTo(201);
                    acknowledged.add(response.json().get("questionId").asText());
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        List<JsonNode> events = events(planner, planId);
        assertThat(acknowledged).hasSize(writers * commandsEach);
        assertThat(events).hasSize(1 + writers * commandsEach);
        assertThat(events.stream().map(event -> event.get("revision").asLong()).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + writers * commandsEach).boxed().toList());
        Set<String> recorded = events.stream().skip(1).map(event -> event.get("event").get("questionId").asText())
                .collect(Collectors.toSet());
        assertThat(recorded).isEqualTo(acknowledged);
        System.out.printf("Concurrent writers: %d requests sent, %d acknowledged, %d events found%n",
                writers * commandsEach, acknowledged.size(), events.size() - 1);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyIsRecordedOnce() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Flaky network");
        String plan = "/api/plans/" + planId;
        String body = "{\"name\": \"Pilot\", \"leadTimeDays\": 10}";
        String key = "add-pilot-" + UUID.randomUUID();

        Api.Response first = planner.post(plan + "/milestones", body, "Idempotency-Key", key);
        Api.Response retried = planner.post(plan + "/milestones", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json()).isEqualTo(first.json());
        assertThat(retried.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
        assertThat(events(planner, planId)).hasSize(2);

        Api.Response otherBody = planner.post(plan + "/milestones", "{\"name\": \"Other\", \"leadTimeDays\": 1}",
                "Idempotency-Key", key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(events(planner, planId)).hasSize(2);

        String createKey = "create-once-" + UUID.randomUUID();
        Api.Response newPlan = planner.post("/api/plans", PlanRequests.newPlan("Once"), "Idempotency-Key", createKey);
        Api.Response newPlanAgain = planner.post("/api/plans", PlanRequests.newPlan("Once"), "Idempotency-Key", createKey);
        assertThat(newPlanAgain.json().get("planId")).isEqualTo(newPlan.json().get("planId"));
    }
}
