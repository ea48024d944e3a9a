package dev.backcast.server;

import dev.backcast.server.database.EmbeddedPostgresRegistry;
import dev.backcast.server.time.ChosenTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The demo loads whole or not at all: a decision refused halfway through the second scenario leaves no event of the
 * first behind, the start says which decision of which scenario was refused and why, and the next start loads the
 * demo into the still empty database.
 */
class DemoAllOrNothingIT {

    @Test
    void aRefusedDecisionLeavesNothingBehindAndTheNextStartLoadsTheDemo() {
        Path directory = Path.of("target", "it-demo-refused-" + UUID.randomUUID()).toAbsolutePath();
        String database = "--backcast.embedded-db.directory=" + directory;
        String url = EmbeddedPostgresRegistry.acquire(directory, 0, false);
        try {
            assertThatThrownBy(() -> new ChosenTime(ServerTime.START).start("--server.port=0",
                    "--backcast.demo=true", "--backcast.demo-plans=classpath:demo-refused/*.json", database))
                    .hasStackTraceContaining("The demo plans were not loaded, and nothing was recorded: scenario "
                            + "refused-halfway, decision 3 (reachMilestone on day 2) was refused");
            JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                    EmbeddedPostgresRegistry.USER, ""));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isZero();

            try (ConfigurableApplicationContext server = new ChosenTime(ServerTime.START).start("--server.port=0",
                    "--backcast.demo=true", database)) {
                Api viewer = new Api(((WebServerApplicationContext) server).getWebServer().getPort(), "viewer");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(viewer.get("/api/plans").json().get("total").asInt()).isEqualTo(3));
            }
        } finally {
            EmbeddedPostgresRegistry.release(directory);
        }
    }
}
