package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.backcast.server.PlanRequests.createPlan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes, each with its plan cache, write the same plan at once on one PostgreSQL. A process whose
 * cached plan is stale loses the append on the unique (plan, revision) constraint, evicts the plan and decides again:
 * no acknowledged decision is lost or recorded twice.
 */
class TwoCommandProcessesIT {

    private static final String USERS = "--backcast.users=writer:a-long-writer-secret:PLANNER";
    private static Path database;
    private static ServerProcess first;
    private static ServerProcess second;

    @BeforeAll
    static void twoServersOnOneDatabase() throws Exception {
        database = Path.of("target", "it-two-processes-" + UUID.randomUUID()).toAbsolutePath();
        String url = EmbeddedPostgresRegistry.acquire(database, 0, false);
        String[] arguments = {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", USERS};
        first = ServerProcess.start("-Xmx384m", arguments);
        second = ServerProcess.start("-Xmx384m", arguments);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        first.close();
        second.close();
        EmbeddedPostgresRegistry.release(database);
    }

    @Test
    void concurrentWritesThroughBothProcessesAreEachRecordedExactlyOnce() throws Exception {
        Api viaFirst = new Api(first.port(), "writer", "a-long-writer-secret");
        Api viaSecond = new Api(second.port(), "writer", "a-long-writer-secret");
        String planId = createPlan(viaFirst, "Written by two processes");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            Api api = writer % 2 == 0 ? viaFirst : viaSecond;
            int w = writer;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    Api.Response response = api.post("/api/plans/" + planId + "/questions",
                            "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Question " + w + "-" + i + "\"}");
                    assertThat(response.status()).as(response.toString()).isIn(201, 409);
                    if (response.status() == 201) {
                        acknowledged.add(response.json().get("questionId").asText());
                    } else {
                        busy.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        List<JsonNode> events = PlanRequests.gaplessEvents(viaSecond, planId);
        long head = events.size();
        assertThat(events.stream().skip(1).map(event -> event.get("event").get("questionId").asText())
                .collect(Collectors.toSet())).isEqualTo(acknowledged);
        assertThat(head).isEqualTo(1 + acknowledged.size());
        for (Api api : List.of(viaFirst, viaSecond)) {
            Api.Response plan = api.get("/api/plans/" + planId + "?minRevision=" + head);
            assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
            assertThat(plan.json().get("revision").asLong()).isEqualTo(head);
        }
        assertThat(viaFirst.post("/api/plans/" + planId + "/questions",
                "{\"kind\": \"SKEPTIC\", \"text\": \"After the storm\"}").json().get("revision").asLong())
                .isEqualTo(head + 1);
        System.out.printf("Two processes: 320 requests sent, %d acknowledged, %d answered busy, %d events found%n",
                acknowledged.size(), busy.get(), head - 1);
    }
}
