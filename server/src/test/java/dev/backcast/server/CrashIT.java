package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.backcast.server.PlanRequests.countQuestionTexts;
import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.gaplessEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real server jar killed with {@code kill -9} in the middle of a load, then started again on the same database:
 * every acknowledged decision is there exactly once, nothing unacknowledged is there twice, revisions are gapless,
 * and the projection resumes from its position to the end of the record.
 */
class CrashIT {

    private static final String USERS = "--backcast.users=writer:a-long-writer-secret:PLANNER";
    private static final int PLANS = 12;
    private static final int WRITERS = 8;
    private static Path database;
    private static String[] arguments;

    @BeforeAll
    static void aDatabase() {
        database = Path.of("target", "it-crash-" + UUID.randomUUID()).toAbsolutePath();
        String url = EmbeddedPostgresRegistry.acquire(database, 0, false);
        arguments = new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", USERS};
    }

    @AfterAll
    static void release() {
        EmbeddedPostgresRegistry.release(database);
    }

    @Test
    void aKilledServerLosesNoAcknowledgedDecisionAndDuplicatesNoneAfterItsRestart() throws Exception {
        ServerProcess server = ServerProcess.start("-Xmx384m", arguments);
        Api before = new Api(server.port(), "writer", "a-long-writer-secret");
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
            plans.add(createPlan(before, "Crash " + i));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int w = writer;
            writers.add(pool.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String plan = plans.get(ThreadLocalRandom.current().nextInt(PLANS));
                    String text = "Question " + w + "-" + i;
                    sent.incrementAndGet();
                    try {
                        Api.Response response = before.post("/api/plans/" + plan + "/questions",
                                "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"" + text + "\"}");
                        if (response.status() == 201) {
                            acknowledged.put(text, plan);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException noAnswer) {
                        unanswered.add(text);
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 300);
        server.kill();
        killed.set(true);
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        long restarting = System.nanoTime();
        ServerProcess restarted = ServerProcess.start("-Xmx384m", arguments);
        try {
            Api after = new Api(restarted.port(), "writer", "a-long-writer-secret");
            Map<String, Integer> found = new HashMap<>();
            long events = 0;
            for (String plan : plans) {
                List<JsonNode> recorded = gaplessEvents(after, plan);
                long head = recorded.size();
                events += head;
                countQuestionTexts(recorded, found);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Api.Response current = after.get("/api/plans/" + plan + "?minRevision=" + head);
                    assertThat(current.status()).isEqualTo(200);
                    assertThat(current.json().get("openQuestions")).hasSize((int) head - 1);
                });
            }
            long recovered = (System.nanoTime() - restarting) / 1_000_000;
            assertThat(found).as("acknowledged decisions").containsKeys(acknowledged.keySet().toArray(String[]::new));
            assertThat(found.values()).as("no decision recorded twice").allMatch(count -> count == 1);
            assertThat(found.keySet()).as("only what was sent")
                    .allMatch(text -> acknowledged.containsKey(text) || unanswered.contains(text));
            System.out.printf("kill -9 under load: %d requests sent, %d acknowledged, %d refused, %d without an "
                            + "answer, %d events found (%d plans), every plan read back in %d ms after the restart%n",
                    sent.get(), acknowledged.size(), refused.get(), unanswered.size(), events - PLANS, PLANS,
                    recovered);
        } finally {
            restarted.close();
        }
    }
}
