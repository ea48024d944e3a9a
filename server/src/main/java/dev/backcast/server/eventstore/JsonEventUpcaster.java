package dev.backcast.server.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Brings one stored event type from one payload revision to the next by reshaping its JSON, as it is read: the stored
 * row is never rewritten, so the audit chain, which covers events as stored, stays intact. Declare a subclass as a
 * Spring bean and Axon applies it wherever events are read; the README's "Evolving an event" says when and how.
 */
public abstract class JsonEventUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType stored;
    private final SimpleSerializedType upcast;

    /**
     * @param payloadType  the stored payload type, a class name
     * @param fromRevision the stored payload revision ({@code null} for events written before the first revision)
     * @param toRevision   the revision the class carries now ({@code @Revision} on the event record)
     */
    protected JsonEventUpcaster(String payloadType, String fromRevision, String toRevision) {
        this.stored = new SimpleSerializedType(payloadType, fromRevision);
        this.upcast = new SimpleSerializedType(payloadType, toRevision);
    }

    /** The payload as the current class reads it, made from a copy of the stored payload. */
    protected abstract JsonNode reshape(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(stored);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcast, JsonNode.class, payload -> reshape(payload.deepCopy()));
    }
}
