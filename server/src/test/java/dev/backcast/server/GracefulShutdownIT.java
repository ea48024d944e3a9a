package dev.backcast.server;

import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.ProjectionClaims.owners;
import static dev.backcast.server.ProjectionClaims.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to one of two server processes under load: the requests it has accepted are answered, what it
 * acknowledged is recorded, and it releases its projection segments so the other process claims them within
 * seconds.
 */
class GracefulShutdownIT {

    private static final String USERS = "--backcast.users=writer:a-long-writer-secret:PLANNER";

    @Test
    void aStoppedProcessFinishesItsRequestsAndHandsItsSegmentsToTheOther() throws Exception {
        Path database = Path.of("target", "it-graceful-" + UUID.randomUUID()).toAbsolutePath();
        String url = EmbeddedPostgresRegistry.acquire(database, 0, false);
        String[] arguments = {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", USERS};
        ServerProcess first = ServerProcess.start("-Xmx384m", arguments);
        await().atMost(Duration.ofSeconds(30)).until(() -> owners(url).equals(Set.of(pid(first))));
        ServerProcess second = ServerProcess.start("-Xmx384m", arguments);
        try {
            Api viaFirst = new Api(first.port(), "writer", "a-long-writer-secret");
            String plan = createPlan(viaFirst, "Stopped under load");
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger unanswered = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stopping = new AtomicBoolean();
            CountDownLatch loaded = new CountDownLatch(40);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 6; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    for (int i = 0; !stopping.get(); i++) {
                        sent.incrementAndGet();
                        try {
                            Api.Response response = viaFirst.post("/api/plans/" + plan + "/questions",
                                    "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Q " + w + "-" + i + "\"}");
                            assertThat(response.status()).as(response.toString()).isIn(201, 409, 503);
                            if (response.status() == 201) {
                                acknowledged.add("Q " + w + "-" + i);
                                loaded.countDown();
                            }
                        } catch (RuntimeException refusedConnection) {
                            unanswered.incrementAndGet();
                        }
                    }
                }));
            }
            loaded.await();
            long sigterm = System.nanoTime();
            stopping.set(true);
            first.close();
            long stopped = (System.nanoTime() - sigterm) / 1_000_000;
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();

            await().atMost(Duration.ofSeconds(15)).until(() -> owners(url).equals(Set.of(pid(second))));
            long handedOver = (System.nanoTime() - sigterm) / 1_000_000;
            Api viaSecond = new Api(second.port(), "writer", "a-long-writer-secret");
            Set<String> recorded = ConcurrentHashMap.newKeySet();
            PlanRequests.events(viaSecond, plan).stream().skip(1)
                    .forEach(event -> recorded.add(event.get("event").get("text").asText()));
            assertThat(recorded).containsAll(acknowledged);
            long head = recorded.size() + 1;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(viaSecond.get("/api/plans/" + plan + "?minRevision=" + head).status()).isEqualTo(200));
            assertThat(unanswered.get()).as("only requests sent as the process stopped go unanswered")
                    .isLessThanOrEqualTo(6);
            System.out.printf("SIGTERM under load: %d requests sent, %d acknowledged, %d without an answer, %d "
                            + "recorded; stopped in %d ms, segments claimed by the other process %d ms after SIGTERM%n",
                    sent.get(), acknowledged.size(), unanswered.get(), recorded.size(), stopped, handedOver);
        } finally {
            second.close();
            if (first.alive()) {
                first.kill();
            }
            EmbeddedPostgresRegistry.release(database);
        }
    }
}
