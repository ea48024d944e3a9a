package dev.backcast.query.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.query.events.PlanEventsController;
import dev.backcast.query.history.RevisionSummaries;
import dev.backcast.query.plans.PlanDocuments;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plan's history replayed step by step: each revision with the plan as it stood right after it. */
@RestController
@Tag(name = "History")
public class ReplayController {

    private final EventStore eventStore;
    private final PlanReader reader;
    private final ObjectMapper json;
    private final Clock clock;

    public ReplayController(EventStore eventStore, PlanReader reader, ObjectMapper json, Clock clock) {
        this.eventStore = eventStore;
        this.reader = reader;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(value = "/api/plans/{planId}/replay", produces = "application/x-ndjson")
    @Operation(summary = "Replay a plan's history as NDJSON", description = "One line per revision from `from` to "
            + "`to` (default: all): revision, recordedAt, author, eventType, summary, and `plan`, the plan after that "
            + "revision in the same shape as GET /api/plans/{id}?revision=. Streamed: long histories are never held "
            + "in memory at once.")
    public ResponseEntity<StreamingResponseBody> replay(@PathVariable UUID planId,
                                                        @RequestParam(defaultValue = "1") long from,
                                                        @RequestParam(required = false) Long to) {
        long head = reader.head(planId);
        long last = to == null ? head : to;
        if (from < 1 || from > head) {
            throw new BadQuery("from", "from must be a revision between 1 and " + head);
        }
        if (last < from || last > head) {
            throw new BadQuery("to", "to must be a revision between from (" + from + ") and " + head);
        }
        StreamingResponseBody body = output -> write(planId, from, last, output);
        return ResponseEntity.ok().contentType(PlanEventsController.NDJSON).body(body);
    }

    private void write(UUID planId, long from, long to, OutputStream output) throws IOException {
        DomainEventStream events = eventStore.readEvents(planId.toString(), 0);
        PlanState.Fold fold = new PlanState.Fold(PlanState.initial());
        Instant createdAt = null;
        String createdBy = null;
        try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
            generator.setRootValueSeparator(null);
            while (events.hasNext() && fold.revision() < to) {
                DomainEventMessage<?> message = events.next();
                PlanEvent event = (PlanEvent) message.getPayload();
                String author = (String) message.getMetaData().get("author");
                if (createdAt == null) {
                    createdAt = message.getTimestamp();
                    createdBy = author;
                }
                if (fold.revision() + 1 < from) {
                    fold.apply(event);
                    continue;
                }
                PlanState before = fold.state();
                PlanState after = fold.apply(event).state();
                generator.writeStartObject();
                generator.writeNumberField("revision", after.revision());
                generator.writeStringField("recordedAt", message.getTimestamp().toString());
                generator.writeStringField("author", author);
                generator.writeStringField("eventType", message.getPayloadType().getSimpleName());
                generator.writeStringField("summary", RevisionSummaries.summarize(before, event, after));
                generator.writeFieldName("plan");
                json.writeValue(generator, PlanDocuments.of(after, LocalDate.ofInstant(message.getTimestamp(),
                        clock.getZone()), new PlanDocuments.Provenance(createdAt, createdBy, message.getTimestamp(),
                        author)));
                generator.writeEndObject();
                generator.writeRaw('\n');
                generator.flush();
            }
        }
    }
}
