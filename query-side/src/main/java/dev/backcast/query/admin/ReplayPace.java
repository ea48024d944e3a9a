package dev.backcast.query.admin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How fast each rebuild goes, measured from the first time this process saw it under way: a rebuild started by
 * another process is timed from then on, one started here from the moment it was asked for. Elapsed time is the
 * machine's, not the business clock's.
 */
@Component
class ReplayPace {

    private static final double NANOS_PER_SECOND = 1e9;

    private final LongSupplier nanoTime;
    private final Map<String, Sighting> firstSeen = new ConcurrentHashMap<>();

    @Autowired
    ReplayPace() {
        this(System::nanoTime);
    }

    ReplayPace(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Where a rebuild stood when it was first seen. A rebuild asked for here is expected: its processor may not report
     * replaying yet for a moment, which must not end the timing.
     */
    private record Sighting(long atNanos, long position, boolean expected) {
    }

    /** Events per second and seconds left of a rebuild; both null until it has made measurable progress. */
    record Pace(Double eventsPerSecond, Long secondsLeft) {
    }

    void started(String processor) {
        firstSeen.put(processor, new Sighting(nanoTime.getAsLong(), -1, true));
    }

    Pace of(String processor, boolean replaying, long position, long resetAt) {
        if (!replaying) {
            firstSeen.computeIfPresent(processor, (name, sighting) -> sighting.expected() ? sighting : null);
            return new Pace(null, null);
        }
        Sighting first = firstSeen.compute(processor, (name, sighting) -> sighting == null
                ? new Sighting(nanoTime.getAsLong(), position, false)
                : new Sighting(sighting.atNanos(), sighting.position(), false));
        double seconds = (nanoTime.getAsLong() - first.atNanos()) / NANOS_PER_SECOND;
        long done = position - first.position();
        if (seconds <= 0 || done <= 0) {
            return new Pace(null, null);
        }
        double perSecond = done / seconds;
        return new Pace(perSecond, (long) Math.ceil(Math.max(0, resetAt - position) / perSecond));
    }
}
