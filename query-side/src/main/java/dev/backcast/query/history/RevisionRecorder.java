package dev.backcast.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.query.plans.FoldedEvent;
import dev.backcast.query.plans.PlanReadModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps one history entry per event: summary, structured changes and due-date effects. A batch's entries are
 * inserted together when it commits.
 */
@Component
public class RevisionRecorder implements PlanReadModel {

    private static final String BATCH = RevisionRecorder.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public RevisionRecorder(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Recorded record(FoldedEvent folded) {
        PlanState before = folded.before();
        PlanEvent event = folded.event();
        PlanState after = folded.after();
        DomainEventMessage<?> message = folded.message();
        Batch batch = batch();
        String changeSetId = (String) message.getMetaData().get("changeSetId");
        DueDateEffects effects = DueDateEffects.between(before.exists() ? folded.scheduleBefore() : null,
                after, folded.scheduleAfter());
        Object[] entry = {event.planId(), after.revision(), globalIndex(message),
                Timestamp.from(message.getTimestamp()), message.getMetaData().get("author"),
                message.getMetaData().get("correlationId"),
                changeSetId == null ? null : UUID.fromString(changeSetId),
                message.getMetaData().get("changeSetMessage"), message.getPayloadType().getSimpleName(),
                RevisionSummaries.summarize(before, event, after),
                event.reason() == null ? null : event.reason().category().name(),
                event.reason() == null ? null : event.reason().note(),
                write(StateChanges.between(before, after, batch.trees())), write(effects)};
        return () -> batch.entries().add(entry);
    }

    /** A batch's rows, and the trees of the states its events compared. */
    private record Batch(List<Object[]> entries, StateChanges.Trees trees) {
    }

    private Batch batch() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(BATCH,
                key -> new Batch(new ArrayList<>(), new StateChanges.Trees()));
    }

    @Override
    public void write(List<ScheduledPlan> touched) {
        jdbc.batchUpdate("""
                INSERT INTO plan_revision (plan_id, revision, global_index, recorded_at, author, correlation_id,
                                           change_set_id, change_set_message, event_type, summary, reason_category,
                                           reason_note, changes, due_date_effects)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", batch().entries());
    }

    @Override
    public void bringTo(List<ScheduledPlan> plans) {
        // A history entry says what happened when it was recorded; a new day changes none of it.
    }

    @Override
    public void forgetEverything() {
        jdbc.update("DELETE FROM plan_revision");
    }

    private static long globalIndex(DomainEventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                return token.position().getAsLong();
            }
        }
        return -1;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A history entry could not be written as JSON", e);
        }
    }
}
