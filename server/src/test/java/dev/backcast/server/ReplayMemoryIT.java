package dev.backcast.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server jar with a 192 MiB heap replays a plan of 10,002 revisions whose every line carries a plan with
 * 200 questions: about 400 MB of NDJSON, which only a server that streams can answer.
 */
class ReplayMemoryIT {

    private static final String HEAP = "-Xmx192m";
    private static ServerProcess server;
    private static int port;

    @BeforeAll
    static void startTheServerJarWithASmallHeap() throws IOException {
        Path data = Path.of("target", "it-replay-" + UUID.randomUUID()).toAbsolutePath();
        server = ServerProcess.start(HEAP, "--backcast.embedded-db.port=0", "--backcast.embedded-db.directory=" + data,
                "--backcast.embedded-db.durable=false");
        port = server.port();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void aLongReplayIsStreamedWithoutHoldingItInMemory() throws Exception {
        Api planner = new Api(port, "planner");
        String plan = "/api/plans/" + createPlan(planner, "Long history");
        String milestone = id(planner.post(plan + "/milestones", "{\"name\": \"Only\", \"leadTimeDays\": 10}"),
                "milestoneId");
        for (int batch = 0; batch < 2; batch++) {
            StringJoiner questions = new StringJoiner(",");
            for (int i = 0; i < 100; i++) {
                questions.add("{\"op\": \"raiseQuestion\", \"kind\": \"SKEPTIC\", \"text\": \"A skeptic asks question "
                        + batch + "-" + i + ", which is long enough to make every line of the replay weigh\"}");
            }
            assertThat(planner.post(plan + "/refinements", "{\"message\": \"Questions\", \"changes\": [" + questions
                    + "]}").status()).isEqualTo(200);
        }
        for (int batch = 0; batch < 98; batch++) {
            StringJoiner changes = new StringJoiner(",");
            for (int i = 0; i < 100; i++) {
                changes.add("{\"op\": \"reviseMilestone\", \"milestoneId\": \"" + milestone + "\", \"leadTimeDays\": "
                        + (11 + i % 2) + ", \"reason\": {\"category\": \"ESTIMATE\", \"note\": \"Again\"}}");
            }
            assertThat(planner.post(plan + "/refinements", "{\"message\": \"Re-estimate\", \"changes\": [" + changes
                    + "]}").status()).isEqualTo(200);
        }

        HttpRequest replay = HttpRequest.newBuilder(URI.create("http://localhost:" + port + plan + "/replay"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "planner:planner".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(replay, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        long bytes = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 1;
                assertThat(line).startsWith("{\"revision\":" + lines + ",");
            }
        }

        assertThat(lines).isEqualTo(10_002);
        assertThat(bytes).isGreaterThan(300_000_000L);
        assertThat(server.alive()).isTrue();
        System.out.printf("Replay: %d lines, %d MB streamed by a server with %s%n", lines, bytes / 1_000_000, HEAP);
    }
}
