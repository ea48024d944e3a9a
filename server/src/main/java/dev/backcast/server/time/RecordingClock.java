package dev.backcast.server.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The one clock of the application: when decisions are recorded (Axon's event timestamps) and what "today" is, in
 * the configured zone, for every rule that depends on it. It tells the {@link WorldTime}, except while history loaded
 * on purpose is recorded at its own moment.
 */
public final class RecordingClock extends Clock {

    private final ZoneId zone;
    private final WorldTime worldTime;
    private final ThreadLocal<Instant> recordingAt;

    public RecordingClock(ZoneId zone, WorldTime worldTime) {
        this(zone, worldTime, new ThreadLocal<>());
    }

    private RecordingClock(ZoneId zone, WorldTime worldTime, ThreadLocal<Instant> recordingAt) {
        this.zone = zone;
        this.worldTime = worldTime;
        this.recordingAt = recordingAt;
    }

    /** Runs {@code work} on this thread as if it were {@code moment}. */
    public <T> T at(Instant moment, Supplier<T> work) {
        recordingAt.set(moment);
        try {
            return work.get();
        } finally {
            recordingAt.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant moment = recordingAt.get();
        return moment != null ? moment : worldTime.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return new RecordingClock(otherZone, worldTime, recordingAt);
    }
}
