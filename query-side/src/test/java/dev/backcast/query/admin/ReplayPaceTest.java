package dev.backcast.query.admin;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayPaceTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final ReplayPace pace = new ReplayPace(now::get);

    @Test
    void aRebuildStartedHereIsTimedFromTheRequestAndItsRemainderProjectedAtThatPace() {
        pace.started("plans");
        now.addAndGet(4 * SECOND);

        ReplayPace.Pace measured = pace.of("plans", true, 7_999, 39_999);

        assertThat(measured.eventsPerSecond()).isEqualTo(2_000.0);
        assertThat(measured.secondsLeft()).isEqualTo(16);
    }

    @Test
    void aRebuildAskedForHereIsStillTimedFromTheRequestWhenItsProcessorReportsReplayingLate() {
        pace.started("plans");
        assertThat(pace.of("plans", false, -1, 39_999)).isEqualTo(new ReplayPace.Pace(null, null));
        now.addAndGet(4 * SECOND);

        assertThat(pace.of("plans", true, 7_999, 39_999)).isEqualTo(new ReplayPace.Pace(2_000.0, 16L));
    }

    @Test
    void aRebuildSeenAlreadyUnderWayIsTimedFromThatSighting() {
        assertThat(pace.of("plans", true, 10_000, 40_000)).isEqualTo(new ReplayPace.Pace(null, null));
        now.addAndGet(2 * SECOND);

        assertThat(pace.of("plans", true, 13_000, 40_000)).isEqualTo(new ReplayPace.Pace(1_500.0, 18L));
    }

    @Test
    void aFinishedRebuildHasNoPaceAndTheNextOneIsTimedAfresh() {
        pace.started("plans");
        now.addAndGet(SECOND);
        pace.of("plans", true, 999, 1_000);

        assertThat(pace.of("plans", false, 1_000, 1_000)).isEqualTo(new ReplayPace.Pace(null, null));
        assertThat(pace.of("plans", true, 1_000, 2_000)).isEqualTo(new ReplayPace.Pace(null, null));
        now.addAndGet(SECOND);
        assertThat(pace.of("plans", true, 1_500, 2_000)).isEqualTo(new ReplayPace.Pace(500.0, 1L));
    }
}
