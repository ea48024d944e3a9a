package dev.backcast.server;

import dev.backcast.BackcastApplication;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While PostgreSQL is away, writes answer 503 quickly and record nothing; afterwards the same server recovers. */
class DatabaseOutageIT {

    @Test
    void writesAnswer503WhileTheDatabaseIsAwayAndSucceedAgainAfterwards() throws Exception {
        Path directory = Path.of("target", "it-outage-" + UUID.randomUUID()).toAbsolutePath();
        int databasePort;
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(BackcastApplication.class)
                .profiles("it").run("--server.port=0", "--backcast.embedded-db.directory=" + directory,
                        "--backcast.embedded-db.port=" + databasePort)) {
            Api planner = new Api(((WebServerApplicationContext) application).getWebServer().getPort(), "planner");
            String planId = createPlan(planner, "Survives an outage");
            String questions = "/api/plans/" + planId + "/questions";

            EmbeddedPostgresRegistry.release(directory);
            long start = System.nanoTime();
            Api.Response during = planner.post(questions, "{\"kind\": \"SKEPTIC\", \"text\": \"Lost?\"}");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(during.status()).as(during.toString()).isEqualTo(503);
            assertThat(during.header("Retry-After")).isNotBlank();
            assertThat(during.header("Content-Type")).startsWith("application/problem+json");
            assertThat(during.text()).doesNotContain("Exception");
            assertThat(planner.get("/actuator/health").status()).isEqualTo(503);

            EmbeddedPostgresRegistry.acquire(directory, databasePort, false);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    planner.post(questions, "{\"kind\": \"SKEPTIC\", \"text\": \"Back?\"}").status()).isEqualTo(201));
            assertThat(events(planner, planId)).extracting(event -> event.get("type").asText())
                    .containsExactly("PlanCreated", "QuestionRaised");
            System.out.printf("Database outage: a write answered 503 after %d ms; the server recovered without a "
                    + "restart%n", tookMillis);
        }
    }
}
