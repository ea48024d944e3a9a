package dev.backcast.query.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.PlanEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/** A plan's events exactly as recorded, in revision order: the export and replay input. */
@RestController
@Tag(name = "Events", description = "The raw record of every decision")
public class PlanEventsController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    /** The event metadata every export shows, in this order. */
    static final List<String> METADATA = List.of("author", "correlationId", "changeSetId", "changeSetMessage", "demo");

    private final EventStore eventStore;
    private final ObjectMapper json;

    public PlanEventsController(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping(value = "/api/plans/{planId}/events", produces = "application/x-ndjson")
    @Operation(summary = "The plan's events as NDJSON", description = "One JSON object per line, in revision order: "
            + "revision, type, recordedAt, author, correlationId, changeSetId, changeSetMessage, reason and the event; "
            + "`demo` marks example data loaded on purpose.")
    public ResponseEntity<StreamingResponseBody> events(@PathVariable UUID planId) {
        // Reading from the first sequence number skips snapshots: an export must hold every event.
        DomainEventStream stream = eventStore.readEvents(planId.toString(), 0);
        if (!stream.hasNext()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no plan with id " + planId);
        }
        StreamingResponseBody body = output -> write(stream, output);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    private void write(DomainEventStream stream, OutputStream output) throws java.io.IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
            generator.setRootValueSeparator(null);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                generator.writeStartObject();
                generator.writeNumberField("revision", event.getSequenceNumber() + 1);
                generator.writeStringField("type", event.getPayloadType().getSimpleName());
                generator.writeStringField("recordedAt", event.getTimestamp().toString());
                for (String key : METADATA) {
                    writeMetaData(generator, event, key);
                }
                generator.writeFieldName("reason");
                json.writeValue(generator, ((PlanEvent) event.getPayload()).reason());
                generator.writeFieldName("event");
                json.writeValue(generator, event.getPayload());
                generator.writeEndObject();
                generator.writeRaw('\n');
                generator.flush();
            }
        }
    }

    private static void writeMetaData(JsonGenerator generator, DomainEventMessage<?> event, String key)
            throws java.io.IOException {
        Object value = event.getMetaData().get(key);
        if (value != null) {
            generator.writeStringField(key, value.toString());
        }
    }
}
