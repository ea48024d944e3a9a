package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.BackcastApplication;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.backcast.server.PlanRequests.countQuestionTexts;
import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.gaplessEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped for ten seconds under load, then started again: meanwhile writes answer 503 with Retry-After
 * and a problem within the connection timeout, health says the database is down, and nothing half-done is stored;
 * afterwards the same server recovers without a restart and its read models catch up.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int WRITERS = 4;

    @Test
    void writesAnswer503WhileTheDatabaseIsAwayAndTheServerRecoversAfterwards() throws Exception {
        Path directory = Path.of("target", "it-outage-" + UUID.randomUUID()).toAbsolutePath();
        int databasePort;
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(BackcastApplication.class)
                .profiles("it").run("--server.port=0", "--backcast.embedded-db.directory=" + directory,
                        "--backcast.embedded-db.port=" + databasePort)) {
            Api planner = new Api(((WebServerApplicationContext) application).getWebServer().getPort(), "planner");
            List<String> plans = List.of(createPlan(planner, "Outage 1"), createPlan(planner, "Outage 2"));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> unavailable = ConcurrentHashMap.newKeySet();
            List<String> unexpected = new CopyOnWriteArrayList<>();
            AtomicLong slowestMillis = new AtomicLong();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String text = "Question " + w + "-" + i;
                        sent.incrementAndGet();
                        long started = System.nanoTime();
                        Api.Response response = planner.post("/api/plans/" + plans.get(i % 2) + "/questions",
                                "{\"kind\": \"SKEPTIC\", \"text\": \"" + text + "\"}");
                        slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                        if (response.status() == 201) {
                            acknowledged.add(text);
                        } else if (response.status() == 503 && response.header("Retry-After") != null
                                && response.header("Content-Type").startsWith("application/problem+json")
                                && !response.text().contains("Exception")) {
                            unavailable.add(text);
                        } else {
                            unexpected.add(response.status() + " " + response.text());
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

            EmbeddedPostgresRegistry.release(directory);
            long outage = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> !unavailable.isEmpty());
            assertThat(planner.get("/actuator/health").status()).isEqualTo(503);
            await().atMost(OUTAGE.plusSeconds(20)).until(() -> System.nanoTime() - outage >= OUTAGE.toNanos());
            int acknowledgedDuringOutage = acknowledged.size();

            EmbeddedPostgresRegistry.acquire(directory, databasePort, false);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > acknowledgedDuringOutage + 10);
            long recoveredMillis = (System.nanoTime() - restarted) / 1_000_000;
            stop.set(true);
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();

            assertThat(unexpected).as("answers other than 201 and a 503 problem").isEmpty();
            assertThat(slowestMillis.get()).as("the slowest answer, in ms").isLessThan(15_000);
            Map<String, Integer> found = new HashMap<>();
            for (String plan : plans) {
                List<JsonNode> recorded = gaplessEvents(planner, plan);
                long head = recorded.size();
                countQuestionTexts(recorded, found);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Api.Response current = planner.get("/api/plans/" + plan + "?minRevision=" + head);
                    assertThat(current.status()).isEqualTo(200);
                    assertThat(current.json().get("openQuestions")).hasSize((int) head - 1);
                });
            }
            assertThat(found).containsKeys(acknowledged.toArray(String[]::new));
            assertThat(found.values()).allMatch(count -> count == 1);
            assertThat(found.keySet()).allMatch(text -> acknowledged.contains(text) || unavailable.contains(text));
            assertThat(planner.get("/actuator/health").status()).isEqualTo(200);
            System.out.printf("Database outage of %d s under load: %d requests sent, %d acknowledged, %d answered "
                            + "503, slowest answer %d ms, %d events found; writes succeeded again %d ms after the "
                            + "database was back, without a restart%n", OUTAGE.toSeconds(), sent.get(),
                    acknowledged.size(), unavailable.size(), slowestMillis.get(), found.size(), recoveredMillis);
        }
    }
}
