package dev.backcast.query.admin;

import java.time.Instant;
import java.util.List;

/**
 * Where one projection stands against the event store.
 *
 * @param position    the lowest position any of its segments has processed (global event index), -1 before the first
 * @param head        the position of the newest event in the store
 * @param lag         events the projection still has to process
 * @param replaying   whether it is rebuilding from the event store
 * @param replayProgress share of the rebuild done (0..1), null when not rebuilding
 * @param eventsPerSecond how fast the rebuild goes, null when not rebuilding or before it has moved
 * @param secondsLeft     the time the rebuild still needs at that pace, null with it
 * @param deadLetters    plans whose events the projection could not handle, parked until retried or discarded
 * @param claims         every segment of the projection and the process that holds it, whichever process it is
 */
public record ProjectionStatus(String name, boolean running, long position, long head, long lag, boolean replaying,
                               Double replayProgress, Double eventsPerSecond, Long secondsLeft,
                               List<Segment> segments, List<DeadLetters> deadLetters,
                               List<Claim> claims) {

    /** One segment of the projection's work and the process that holds its claim. */
    public record Segment(int segmentId, long position, boolean caughtUp, boolean replaying, String error) {
    }

    /** A segment and the process holding it ({@code pid@host}), null when no process does. */
    public record Claim(int segmentId, String heldBy) {
    }

    /**
     * One plan's parked events: the first is the one that failed, the others wait behind it in order.
     *
     * @param firstRevision the revision of the event that failed
     */
    public record DeadLetters(String planId, long events, long firstRevision, String eventIdentifier,
                              String eventType, String error, Instant enqueuedAt, Instant lastTried) {
    }
}
