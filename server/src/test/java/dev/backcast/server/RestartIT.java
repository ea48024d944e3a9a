package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.BackcastApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the server and its embedded PostgreSQL and starting them again on the same directory loses nothing; the
 * plan, long enough to have been snapshotted, goes on from the right revision.
 */
class RestartIT {

    @Test
    void everyEventIsStillThereAfterARestartOnTheSameDataDirectory() {
        Path dataDirectory = Path.of("target", "it-restart-" + UUID.randomUUID());
        List<JsonNode> before;
        String planId;
        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            Api planner = new Api(port(first), "planner");
            planId = createPlan(planner, "Survives a restart");
            for (int i = 0; i < 30; i++) {
                assertThat(planner.post("/api/plans/" + planId + "/milestones",
                        "{\"name\": \"Milestone " + i + "\", \"leadTimeDays\": " + i + "}").status()).isEqualTo(201);
            }
            before = events(planner, planId);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String plan = planId;
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, plan) > 0);
        }

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            Api planner = new Api(port(second), "planner");
            assertThat(events(planner, planId)).isEqualTo(before).hasSize(31);
            Api.Response next = planner.post("/api/plans/" + planId + "/milestones",
                    "{\"name\": \"After the restart\", \"leadTimeDays\": 1}");
            assertThat(next.json().get("revision").asLong()).isEqualTo(32);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(BackcastApplication.class)
                .profiles("it")
                .run("--server.port=0", "--backcast.embedded-db.directory=" + dataDirectory.toAbsolutePath());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
