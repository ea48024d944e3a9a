package dev.backcast.query.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The chain hash of recorded events, byte for byte as the database computes it when an event is appended (migration
 * V7): {@code chain(e) = SHA-256(chain(previous event of the plan) || canonical(e))}, with 32 zero bytes before a
 * plan's first event. The canonical encoding is the event's stored fields in a fixed order, each as a 4-byte
 * big-endian length followed by its bytes (text in UTF-8, the sequence number as decimal text), a missing field as
 * the length FFFFFFFF and no bytes.
 */
public final class EventChain {

    public static final byte[] GENESIS = new byte[32];
    private static final byte[] ABSENT = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private EventChain() {
    }

    public static byte[] canonical(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                128 + event.payload().length + (event.metaData() == null ? 0 : event.metaData().length));
        field(out, text(event.planId()));
        field(out, text(Long.toString(event.sequenceNumber())));
        field(out, text(event.eventIdentifier()));
        field(out, text(event.type()));
        field(out, text(event.payloadType()));
        field(out, text(event.payloadRevision()));
        field(out, event.payload());
        field(out, event.metaData());
        field(out, text(event.timeStamp()));
        return out.toByteArray();
    }

    /** The chain hash of {@code event} following an event whose chain hash is {@code previous}. */
    public static byte[] link(byte[] previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonical(event));
        return sha256.digest();
    }

    public static boolean fits(byte[] previous, StoredEvent event) {
        return event.chainHash() != null && Arrays.equals(link(previous, event), event.chainHash());
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    public static byte[] unhex(String hash) {
        return hash == null ? null : HexFormat.of().parseHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(ABSENT);
            return;
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }
}
