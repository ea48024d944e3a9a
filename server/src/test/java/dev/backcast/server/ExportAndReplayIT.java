package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analysts page through every event of the plans of record (what-if branches stay out) and replay a plan revision by
 * revision.
 */
@BackcastIntegrationTest
class ExportAndReplayIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagingThroughTheWholeStoreInSmallPagesReturnsEveryEventExactlyOnce() {
        Api planner = new Api(port, "planner");
        String plan = "/api/plans/" + createPlan(planner, "Exported");
        for (int i = 0; i < 12; i++) {
            id(planner.post(plan + "/questions", "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Q" + i + "?\"}"), "questionId");
        }
        long stored = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry first
                                    WHERE first.aggregate_identifier = e.aggregate_identifier
                                      AND first.sequence_number = 0
                                      AND first.payload_type = 'dev.backcast.plan.branches.PlanBranched')""",
                Long.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<Long> positions = new HashSet<>();
            Set<String> revisions = new HashSet<>();
            long after = 0;
            List<JsonNode> events;
            do {
                Api.Response page = planner.get("/api/events?limit=7&after=" + after);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.header("Content-Type")).startsWith("application/x-ndjson");
                events = page.lines();
                for (JsonNode event : events) {
                    assertThat(positions.add(event.get("position").asLong())).as("position seen twice").isTrue();
                    revisions.add(event.get("planId").asText() + "/" + event.get("revision").asLong());
                    after = event.get("position").asLong();
                }
            } while (!events.isEmpty());
            assertThat(positions).hasSize((int) stored);
            assertThat(revisions).hasSize((int) stored);
        });
        assertThat(planner.get("/api/events?limit=0").status()).isEqualTo(400);
        assertThat(planner.as("viewer").get("/api/events?limit=1").status()).isEqualTo(200);
    }

    @Test
    void aReplayStreamsEveryRevisionWithThePlanAsItStoodThen() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Replayed");
        String plan = "/api/plans/" + planId;
        String ga = id(planner.post(plan + "/milestones", "{\"name\": \"GA\", \"leadTimeDays\": 10}"), "milestoneId");
        planner.patch(plan + "/milestones/" + ga, "{\"leadTimeDays\": 12, \"reason\": {\"category\": \"ESTIMATE\", "
                + "\"note\": \"More tests\"}}");
        id(planner.post(plan + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"Really?\"}"), "questionId");

        List<JsonNode> replay = planner.get(plan + "/replay").lines();

        assertThat(replay).extracting(line -> line.get("revision").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(replay).extracting(line -> line.get("eventType").asText())
                .containsExactly("PlanCreated", "MilestoneAdded", "MilestoneLeadTimeReestimated", "QuestionRaised");
        assertThat(replay.get(2).get("summary").asText()).isEqualTo("GA: lead time 10 → 12 days (ESTIMATE: More tests)");
        for (JsonNode line : replay) {
            long revision = line.get("revision").asLong();
            assertThat(line.get("plan")).as("revision %d", revision)
                    .isEqualTo(planner.get(plan + "?revision=" + revision).json());
        }
        assertThat(planner.get(plan + "/replay?from=2&to=3").lines())
                .extracting(line -> line.get("revision").asLong()).containsExactly(2L, 3L);
        assertThat(planner.get(plan + "/replay?from=3&to=2").status()).isEqualTo(400);
        assertThat(planner.get(plan + "/replay?from=9").status()).isEqualTo(400);
    }
}
