package dev.backcast.query.audit;

/**
 * One row of the event table exactly as stored: the bytes the chain hash covers, never the event as upcast or
 * deserialised, so changing an event class can never make an intact record look tampered with.
 *
 * @param chainHash the chain hash recorded when the event was appended (may be absent when someone forged the row)
 */
public record StoredEvent(String planId, long sequenceNumber, String eventIdentifier, String type, String payloadType,
                          String payloadRevision, byte[] payload, byte[] metaData, String timeStamp,
                          byte[] chainHash) {

    public long revision() {
        return sequenceNumber + 1;
    }

    /** The same event as if it had been recorded at another position: how a moved event is recognised. */
    StoredEvent atSequence(long otherSequenceNumber) {
        return new StoredEvent(planId, otherSequenceNumber, eventIdentifier, type, payloadType, payloadRevision,
                payload, metaData, timeStamp, chainHash);
    }
}
