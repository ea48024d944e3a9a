package dev.backcast.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Writes one history entry per event: summary, structured changes and due-date effects. */
@Component
public class RevisionRecorder {

    private final PlanRevisionRepository revisions;
    private final ObjectMapper json;
    private final Clock clock;

    public RevisionRecorder(PlanRevisionRepository revisions, ObjectMapper json, Clock clock) {
        this.revisions = revisions;
        this.json = json;
        this.clock = clock;
    }

    public void record(PlanState before, PlanEvent event, PlanState after, DomainEventMessage<?> message) {
        LocalDate recordedOn = LocalDate.ofInstant(message.getTimestamp(), clock.getZone());
        String changeSetId = (String) message.getMetaData().get("changeSetId");
        revisions.save(new PlanRevision(event.planId(), after.revision(), globalIndex(message),
                message.getTimestamp(), (String) message.getMetaData().get("author"),
                (String) message.getMetaData().get("correlationId"),
                changeSetId == null ? null : UUID.fromString(changeSetId),
                (String) message.getMetaData().get("changeSetMessage"), message.getPayloadType().getSimpleName(),
                RevisionSummaries.summarize(before, event, after),
                event.reason() == null ? null : event.reason().category().name(),
                event.reason() == null ? null : event.reason().note(),
                write(StateChanges.between(before, after)),
                write(DueDateEffects.between(before, after, recordedOn))));
    }

    public void forgetEverything() {
        revisions.deleteAllInBatch();
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
