package dev.backcast.query.admin;

import java.util.List;

/**
 * Where one projection stands against the event store.
 *
 * @param position    the lowest position any of its segments has processed (global event index), -1 before the first
 * @param head        the position of the newest event in the store
 * @param lag         events the projection still has to process
 * @param replaying   whether it is rebuilding from the event store
 * @param replayProgress share of the rebuild done (0..1), null when not rebuilding
 */
public record ProjectionStatus(String name, boolean running, long position, long head, long lag, boolean replaying,
                               Double replayProgress, List<Segment> segments) {

    /** One segment of the projection's work and the process that holds its claim. */
    public record Segment(int segmentId, long position, boolean caughtUp, boolean replaying, String error) {
    }
}
