package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
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
import java.util.concurrent.atomic.AtomicInteger;

import static dev.backcast.server.PlanRequests.countQuestionTexts;
import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.gaplessEvents;
import static dev.backcast.server.ProjectionClaims.owners;
import static dev.backcast.server.ProjectionClaims.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command processes and two query processes on one database, under a load of three thousand decisions over
 * sixteen plans, each plan written through both command processes; the two query processes share the projection's
 * segments, one of them is killed during the load and the other takes its segments over. Every acknowledged decision is recorded once,
 * revisions are gapless, only query processes ever hold the projection, and the read models end exact.
 */
class ProcessRolesIT {

    private static final String USERS = "--backcast.users=writer:a-long-writer-secret:PLANNER+ADMIN";
    private static final int PLANS = 16;
    private static final int WRITERS = 8;
    private static final int DECISIONS_PER_WRITER = 375;

    @Test
    void commandAndQueryProcessesShareOneDatabaseAndSurviveTheLossOfAQueryProcess() throws Exception {
        Path database = Path.of("target", "it-roles-" + UUID.randomUUID()).toAbsolutePath();
        String url = EmbeddedPostgresRegistry.acquire(database, 0, false);
        List<ServerProcess> processes = new ArrayList<>();
        try {
            ServerProcess firstQuery = start(processes, url, "query");
            await().atMost(Duration.ofSeconds(30)).until(() -> owners(url).equals(Set.of(pid(firstQuery))));
            ServerProcess secondQuery = start(processes, url, "query");
            await().atMost(Duration.ofSeconds(30)).until(() -> owners(url).equals(Set.of(pid(firstQuery),
                    pid(secondQuery))));
            // The processes go on spreading the segments: one released to be taken over is held by nobody a moment.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode claims = writer(secondQuery).get("/api/admin/projections").json().get(0).get("claims");
                assertThat(claims).hasSize(4).allSatisfy(claim -> assertThat(claim.get("heldBy").asText())
                        .matches("(" + pid(firstQuery) + "|" + pid(secondQuery) + ")@.*"));
            });
            ServerProcess firstCommand = start(processes, url, "command");
            ServerProcess secondCommand = start(processes, url, "command");
            List<Api> commands = List.of(writer(firstCommand), writer(secondCommand));

            Api.Response refused = writer(secondQuery).post("/api/plans", PlanRequests.newPlan("Via a query process"));
            assertThat(refused.status()).isEqualTo(405);
            assertThat(refused.json().get("detail").asText()).contains("query role");
            assertThat(writer(secondQuery).post("/api/plans/" + UUID.randomUUID() + "/refinements/preview",
                    "{\"message\": \"What if\", \"changes\": []}").status())
                    .as("a preview is decided by the command side, like the refinement").isEqualTo(405);
            assertThat(writer(firstCommand).post("/api/admin/projections/plans/rebuild", null).status())
                    .isEqualTo(405);

            List<String> plans = new ArrayList<>();
            for (int i = 0; i < PLANS; i++) {
                plans.add(createPlan(commands.get(i % 2), "Shared " + i));
            }
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger busy = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < DECISIONS_PER_WRITER; i++) {
                        String plan = plans.get(ThreadLocalRandom.current().nextInt(PLANS));
                        String text = "Decision " + w + "-" + i;
                        Api.Response response = commands.get(i % 2).post("/api/plans/" + plan + "/questions",
                                "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"" + text + "\"}");
                        assertThat(response.status()).as(response.toString()).isIn(201, 409);
                        if (response.status() == 201) {
                            acknowledged.put(text, plan);
                        } else {
                            busy.incrementAndGet();
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= WRITERS
                    * DECISIONS_PER_WRITER / 3);
            long killing = System.nanoTime();
            firstQuery.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> owners(url).equals(Set.of(pid(secondQuery))));
            long takenOver = (System.nanoTime() - killing) / 1_000_000;
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();

            Api reader = writer(secondQuery);
            Map<String, Integer> found = new HashMap<>();
            long events = 0;
            for (String plan : plans) {
                List<JsonNode> recorded = gaplessEvents(reader, plan);
                long head = recorded.size();
                events += head - 1;
                countQuestionTexts(recorded, found);
                for (Api api : List.of(reader, writer(firstCommand))) {
                    Api.Response current = api.get("/api/plans/" + plan + "?minRevision=" + head);
                    assertThat(current.status()).as(current.toString()).isEqualTo(200);
                    assertThat(current.json().get("revision").asLong()).isEqualTo(head);
                    assertThat(current.json().get("openQuestions")).hasSize((int) head - 1);
                    JsonNode atHead = api.get("/api/plans/" + plan + "?revision=" + head).json();
                    assertThat(current.json().get("openQuestions")).isEqualTo(atHead.get("openQuestions"));
                }
            }
            assertThat(found.keySet()).isEqualTo(acknowledged.keySet());
            assertThat(found.values()).allMatch(count -> count == 1);
            assertThat(owners(url)).doesNotContain(pid(firstCommand), pid(secondCommand));
            System.out.printf("Roles: %d decisions sent through 2 command processes, %d acknowledged, %d answered "
                            + "busy, %d events found; the second query process held every segment %d ms after the "
                            + "first was killed%n", WRITERS * DECISIONS_PER_WRITER, acknowledged.size(), busy.get(),
                    events, takenOver);
        } finally {
            for (ServerProcess process : processes) {
                if (process.alive()) {
                    process.close();
                }
            }
            EmbeddedPostgresRegistry.release(database);
        }
    }

    private static ServerProcess start(List<ServerProcess> processes, String url, String role) throws Exception {
        ServerProcess process = ServerProcess.start("-Xmx320m", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", USERS, "--backcast.role=" + role);
        processes.add(process);
        return process;
    }

    private static Api writer(ServerProcess process) {
        return new Api(process.port(), "writer", "a-long-writer-secret");
    }
}
