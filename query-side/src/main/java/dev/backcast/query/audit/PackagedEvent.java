package dev.backcast.query.audit;

import java.util.Base64;

/**
 * One event of an evidence package: the stored fields, payload and metadata in Base64 so that their bytes, which the
 * chain hash covers, survive the trip exactly.
 */
public record PackagedEvent(String planId, long revision, long sequenceNumber, String eventIdentifier, String type,
                            String payloadType, String payloadRevision, String timeStamp, String payload,
                            String metaData, String chainHash) {

    public static PackagedEvent of(StoredEvent event) {
        return new PackagedEvent(event.planId(), event.revision(), event.sequenceNumber(), event.eventIdentifier(),
                event.type(), event.payloadType(), event.payloadRevision(), event.timeStamp(),
                Base64.getEncoder().encodeToString(event.payload()),
                event.metaData() == null ? null : Base64.getEncoder().encodeToString(event.metaData()),
                EventChain.hex(event.chainHash()));
    }

    public StoredEvent stored() {
        return new StoredEvent(planId, sequenceNumber, eventIdentifier, type, payloadType, payloadRevision,
                Base64.getDecoder().decode(payload), metaData == null ? null : Base64.getDecoder().decode(metaData),
                timeStamp, EventChain.unhex(chainHash));
    }
}
