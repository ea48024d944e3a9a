package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The server jar (sealing every two seconds) runs as a login role with no more than {@code backcast_writer}'s rights while the table owner runs
 * the migrations, as the README tells an operator to do: every feature works, and the server's own database login
 * cannot change a recorded event even with the guard's help removed.
 */
class LeastPrivilegeIT {

    private static final String APP_USER = "backcast_app_it";
    private static Path database;
    private static String url;
    private static ServerProcess server;

    @BeforeAll
    static void theServerLogsInAsAMemberOfTheWriterRole() throws Exception {
        database = Path.of("target", "it-least-privilege-" + UUID.randomUUID()).toAbsolutePath();
        url = EmbeddedPostgresRegistry.acquire(database, 0, false).replaceAll("\\?.*", "");
        try (Connection owner = DriverManager.getConnection(url, "postgres", "");
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE ROLE backcast_writer NOLOGIN");
            statement.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD 'app-secret' IN ROLE backcast_writer");
        }
        server = ServerProcess.start("-Xmx384m", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + APP_USER, "--spring.datasource.password=app-secret",
                "--spring.flyway.user=postgres", "--spring.flyway.password=", "--backcast.audit.seal-every=PT2S",
                "--backcast.users=writer:a-long-writer-secret:PLANNER+ADMIN+AUDITOR");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
        EmbeddedPostgresRegistry.release(database);
    }

    @Test
    void writingReadingRebuildingAndSealingNeedNoMoreThanTheWriterRole() throws Exception {
        Api writer = new Api(server.port(), "writer", "a-long-writer-secret");
        String plan = createPlan(writer, "Least privilege");
        id(writer.post("/api/plans/" + plan + "/milestones", "{\"name\": \"GA\", \"leadTimeDays\": 10}"),
                "milestoneId");
        assertThat(writer.post("/api/tokens", "{\"name\": \"script\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(writer.get("/api/plans/" + plan).json().path("revision").asLong()).isEqualTo(2));

        assertThat(writer.post("/api/admin/projections/plans/rebuild", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response read = writer.get("/api/plans/" + plan + "/revisions");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("items")).hasSize(2);
        });
        assertThat(writer.post("/api/audit/seals", null).status()).isEqualTo(201);
        JsonNode audit = writer.get("/api/plans/" + plan + "/audit").json();
        assertThat(audit.get("status").asText()).isEqualTo("INTACT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(writer.get("/api/audit/seals").json()).as("seals taken on the schedule as well")
                        .hasSizeGreaterThanOrEqualTo(3));

        try (Connection app = DriverManager.getConnection(url, APP_USER, "app-secret");
             Statement statement = app.createStatement()) {
            for (String attempt : new String[] {
                    "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
                    "UPDATE domain_event_entry SET payload = payload",
                    "DELETE FROM audit_seal"}) {
                assertThatThrownBy(() -> statement.execute(attempt)).as(attempt)
                        .isInstanceOfSatisfying(SQLException.class,
                                denied -> assertThat(denied.getSQLState()).isEqualTo("42501"));
            }
        }
    }
}
