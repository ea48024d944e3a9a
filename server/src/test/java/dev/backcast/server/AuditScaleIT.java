package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server jar with a 128 MiB heap verifies a store of 100,000 events holding about 200 MB of payload: only a
 * verification that streams the store through a cursor can answer, and it reports its rate.
 */
class AuditScaleIT {

    private static final int PLANS = 100;
    private static final int EVENTS_PER_PLAN = 1_000;
    private static final int PAYLOAD_BYTES = 2_000;
    private static Path database;
    private static String url;
    private static ServerProcess server;

    @BeforeAll
    static void aServerWithASmallHeapOnAStoreOfAHundredThousandEvents() throws Exception {
        database = Path.of("target", "it-audit-scale-" + UUID.randomUUID()).toAbsolutePath();
        url = EmbeddedPostgresRegistry.acquire(database, 0, false);
        server = ServerProcess.start("-Xmx128m", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--backcast.users=auditor:a-long-auditor-secret:AUDITOR");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload, meta_data)
                    SELECT gen_random_uuid()::text, 'bulk-' || plan, sequence, 'BulkAggregate',
                           '2026-01-01T00:00:00Z', 'dev.backcast.bulk.Recorded',
                           convert_to(repeat(md5(plan || '/' || sequence), %d), 'UTF8'), convert_to('{}', 'UTF8')
                      FROM generate_series(1, %d) plan, generate_series(0, %d) sequence
                     ORDER BY plan, sequence""".formatted(PAYLOAD_BYTES / 32, PLANS, EVENTS_PER_PLAN - 1));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
        EmbeddedPostgresRegistry.release(database);
    }

    @Test
    void verifyingTheWholeStoreStreamsEveryPlanAndReportsItsRate() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/audit"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:a-long-auditor-secret".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5)).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);

        ObjectMapper json = new ObjectMapper();
        int intactPlans = 0;
        JsonNode summary = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode report = json.readTree(line);
                if (report.has("summary")) {
                    summary = report.get("summary");
                } else if (report.get("status").asText().equals("INTACT")
                        && report.get("events").asLong() == EVENTS_PER_PLAN) {
                    intactPlans++;
                }
            }
        }
        assertThat(intactPlans).isEqualTo(PLANS);
        assertThat(summary).isNotNull();
        assertThat(summary.get("events").asLong()).isEqualTo((long) PLANS * EVENTS_PER_PLAN);
        assertThat(summary.get("broken").asLong()).isZero();
        System.out.printf("Verified %d events (%d MB of payload) in %.1f s with a 128 MiB heap: %d events/s%n",
                summary.get("events").asLong(), (long) PLANS * EVENTS_PER_PLAN * PAYLOAD_BYTES / 1_000_000,
                summary.get("seconds").asDouble(), summary.get("eventsPerSecond").asLong());
        assertThat(server.alive()).as("the server survived the verification").isTrue();
    }
}
