package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.query.plans.FoldedEvent;
import dev.backcast.query.plans.PlanProjection;
import dev.backcast.query.plans.PlanReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event — recorded for one plan but naming none, as a faulty import could leave — is parked in the
 * dead-letter queue with its plan's later events; the other plans' read models go on, an administrator sees the
 * event and the error and discards it. A failure that is fixed afterwards is retried. A read model of the projection
 * that cannot record an event leaves the plan and every other read model as they were until the retry records it.
 * Its own database and projection: the poison stays in the store.
 */
@BackcastIntegrationTest
@TestPropertySource(properties = "backcast.it.database-directory=target/it-postgres-dead-letters")
@Import(DeadLetterIT.FailsOnChosenPlans.class)
class DeadLetterIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPoisonEventIsParkedAndShownWhileTheOtherPlansGoOnAndCanBeDiscarded() {
        Api planner = new Api(port, "planner");
        Api admin = new Api(port, "admin");
        String poisoned = planWithAQuestion(planner, "Poisoned");
        String healthy = planWithAQuestion(planner, "Healthy");
        long started = System.nanoTime();
        recordPoison(poisoned);

        raiseQuestion(planner, healthy, "Still on?");
        assertThat(planner.get("/api/plans/" + healthy + "?minRevision=3").status()).isEqualTo(200);
        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> parked(admin, poisoned),
                found -> found != null);
        System.out.printf("Poison event parked and the other plans caught up after %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(letter.get("firstRevision").asLong()).isEqualTo(3);
        assertThat(letter.get("eventType").asText()).isEqualTo("QuestionRaised");
        assertThat(letter.get("eventIdentifier").asText()).isNotBlank();
        assertThat(letter.get("error").asText()).contains("names plan null");
        assertThat(RebuildIT.projection(admin, "plans").get("segments")).allSatisfy(segment ->
                assertThat(segment.get("error").isNull()).isTrue());
        assertThat(planner.get("/api/plans/" + poisoned).json().get("revision").asLong()).isEqualTo(2);

        JsonNode stillFailing = admin.post("/api/admin/projections/plans/dead-letters/" + poisoned + "/retry", null)
                .json();
        assertThat(stillFailing.get("handled").asBoolean()).isFalse();
        assertThat(parked(admin, poisoned)).isNotNull();

        assertThat(planner.post("/api/admin/projections/plans/dead-letters/" + poisoned + "/discard", null)
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/plans/dead-letters/" + poisoned + "/discard", null).status())
                .isEqualTo(200);
        assertThat(parked(admin, poisoned)).isNull();
        assertThat(planner.get("/api/plans/" + poisoned).json().get("revision").asLong()).isEqualTo(2);
        assertThat(admin.post("/api/admin/projections/plans/dead-letters/" + poisoned + "/retry", null).status())
                .isEqualTo(404);
    }

    @Test
    void aFailureFixedAfterwardsIsRetriedAndThePlanCatchesUpWithTheEventsParkedBehindIt() {
        Api planner = new Api(port, "planner");
        Api admin = new Api(port, "admin");
        String plan = projectedPlanChosenToFail(planner, "Fixed later", FailsOnChosenPlans.CHOSEN);
        raiseQuestion(planner, plan, "Second?");
        raiseQuestion(planner, plan, "Third?");
        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> parked(admin, plan),
                found -> found != null && found.get("events").asLong() == 2);
        assertThat(letter.get("firstRevision").asLong()).isEqualTo(3);
        assertThat(letter.get("error").asText()).contains("made to fail");

        assertThat(admin.post("/api/admin/projections/plans/dead-letters/" + plan + "/retry", null).json()
                .get("handled").asBoolean()).isFalse();
        FailsOnChosenPlans.CHOSEN.remove(plan);
        assertThat(admin.post("/api/admin/projections/plans/dead-letters/" + plan + "/retry", null).json()
                .get("handled").asBoolean()).isTrue();
        assertThat(parked(admin, plan)).isNull();
        assertThat(planner.get("/api/plans/" + plan + "?minRevision=4").json().get("openQuestions")).hasSize(3);
    }

    @Test
    void anEventOneReadModelCannotRecordChangesNothingUntilTheRetryRecordsItWhole() {
        Api planner = new Api(port, "planner");
        Api admin = new Api(port, "admin");
        String plan = projectedPlanChosenToFail(planner, "Half recorded", FailsOnChosenPlans.READ_MODEL_FAILS_ON);
        raiseQuestion(planner, plan, "Second?");
        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> parked(admin, plan),
                found -> found != null);
        assertThat(letter.get("firstRevision").asLong()).isEqualTo(3);
        assertThat(letter.get("error").asText()).contains("read model made to fail");
        JsonNode parkedPlan = planner.get("/api/plans/" + plan).json();
        assertThat(parkedPlan.get("revision").asLong()).isEqualTo(2);
        assertThat(parkedPlan.get("openQuestions")).hasSize(1);
        assertThat(revisions(planner, plan)).containsExactly(1L, 2L);

        FailsOnChosenPlans.READ_MODEL_FAILS_ON.remove(plan);
        assertThat(admin.post("/api/admin/projections/plans/dead-letters/" + plan + "/retry", null).json()
                .get("handled").asBoolean()).isTrue();
        assertThat(parked(admin, plan)).isNull();
        assertThat(planner.get("/api/plans/" + plan + "?minRevision=3").json().get("openQuestions")).hasSize(2);
        assertThat(revisions(planner, plan)).containsExactly(1L, 2L, 3L);
    }

    private static List<Long> revisions(Api planner, String plan) {
        List<Long> revisions = new ArrayList<>();
        planner.get("/api/plans/" + plan + "/revisions?order=oldest").json().get("items")
                .forEach(entry -> revisions.add(entry.get("revision").asLong()));
        return revisions;
    }

    /**
     * A projection of the same processing group that is made to fail on the chosen plans' questions, and a read model
     * of the plans projection itself that is made to fail on its own chosen plans' questions.
     */
    @TestConfiguration
    static class FailsOnChosenPlans {

        static final Set<String> CHOSEN = ConcurrentHashMap.newKeySet();
        static final Set<String> READ_MODEL_FAILS_ON = ConcurrentHashMap.newKeySet();

        @Bean
        ChosenFailure chosenFailure() {
            return new ChosenFailure();
        }

        @Bean
        PlanReadModel failingReadModel() {
            return new PlanReadModel() {
                @Override
                public Recorded record(FoldedEvent folded) {
                    if (folded.event() instanceof QuestionRaised
                            && READ_MODEL_FAILS_ON.contains(folded.after().planId().toString())) {
                        throw new IllegalStateException("read model made to fail on revision "
                                + folded.after().revision());
                    }
                    return () -> { };
                }

                @Override
                public void write(List<ScheduledPlan> touched) {
                }

                @Override
                public void bringTo(List<ScheduledPlan> plans) {
                }

                @Override
                public void forgetEverything() {
                }
            };
        }
    }

    @ProcessingGroup(PlanProjection.PROCESSOR)
    static class ChosenFailure {

        @EventHandler
        void on(QuestionRaised event, DomainEventMessage<?> message) {
            if (FailsOnChosenPlans.CHOSEN.contains(message.getAggregateIdentifier())) {
                throw new IllegalStateException("made to fail on revision " + (message.getSequenceNumber() + 1)
                        + " of plan " + message.getAggregateIdentifier());
            }
        }
    }

    private static String planWithAQuestion(Api planner, String title) {
        String plan = createPlan(planner, title);
        raiseQuestion(planner, plan, "Why now?");
        return plan;
    }

    /** A plan with a question, projected before its plan is added to {@code chosen}. */
    private static String projectedPlanChosenToFail(Api planner, String title, Set<String> chosen) {
        String plan = planWithAQuestion(planner, title);
        assertThat(planner.get("/api/plans/" + plan + "?minRevision=2").status()).isEqualTo(200);
        chosen.add(plan);
        return plan;
    }

    private static void raiseQuestion(Api planner, String plan, String text) {
        id(planner.post("/api/plans/" + plan + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"" + text + "\"}"),
                "questionId");
    }

    /** Revision 3: a question raised, recorded for the plan, whose payload names no plan. */
    private void recordPoison(String plan) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                SELECT gen_random_uuid()::text, aggregate_identifier, 2, type, time_stamp, payload_type,
                       convert_to(regexp_replace(convert_from(payload, 'UTF8'), '"planId":"[^"]*",', ''), 'UTF8'),
                       meta_data
                  FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1""", plan);
    }

    private static JsonNode parked(Api admin, String plan) {
        for (JsonNode letters : RebuildIT.projection(admin, "plans").get("deadLetters")) {
            if (letters.get("planId").asText().equals(plan)) {
                return letters;
            }
        }
        return null;
    }
}
