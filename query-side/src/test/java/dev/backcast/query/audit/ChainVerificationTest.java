package dev.backcast.query.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a plan's stored events, tampered in one way, the verification names the first failing revision and how. */
class ChainVerificationTest {

    private static final String PLAN = "plan-a";

    @Test
    void anUntouchedChainIsIntactUpToItsHead() {
        ChainReport report = verify(chained(6));
        assertThat(report.intact()).isTrue();
        assertThat(report.headRevision()).isEqualTo(6);
        assertThat(report.headChainHash()).isEqualTo(EventChain.hex(chained(6).get(5).chainHash()));
    }

    @Test
    void aChangedPayloadIsNamedAtItsRevisionWithTheRecordedAndTheFoundHash() {
        List<StoredEvent> events = chained(6);
        StoredEvent original = events.get(3);
        events.set(3, new StoredEvent(PLAN, 3, original.eventIdentifier(), original.type(), original.payloadType(),
                null, bytes("{\"n\":33}"), original.metaData(), original.timeStamp(), original.chainHash()));
        ChainReport.Failure failure = verify(events).failure();
        assertThat(failure.revision()).isEqualTo(4);
        assertThat(failure.problem()).isEqualTo(ChainReport.Problem.CHANGED);
        assertThat(failure.expectedHash()).isEqualTo(EventChain.hex(original.chainHash()));
        assertThat(failure.foundHash()).isNotEqualTo(failure.expectedHash());
    }

    @Test
    void aDeletedEventIsNamedMissing() {
        List<StoredEvent> events = chained(6);
        events.remove(2);
        assertThat(verify(events).failure()).extracting(ChainReport.Failure::revision, ChainReport.Failure::problem)
                .containsExactly(3L, ChainReport.Problem.MISSING);
    }

    @Test
    void aForgedEventWithAnInventedHashAndTheLaterOnesRenumberedIsNamedInserted() {
        List<StoredEvent> events = renumbered(chained(6), 2);
        events.add(2, new StoredEvent(PLAN, 2, "forged", "PlanAggregate", "x.Forged", null, bytes("{}"), null,
                "2026-01-01T00:00:00Z", new byte[32]));
        assertThat(verify(events).failure()).extracting(ChainReport.Failure::revision, ChainReport.Failure::problem)
                .containsExactly(3L, ChainReport.Problem.INSERTED);
    }

    @Test
    void aForgedEventChainedByTheDatabaseIsNamedInsertedAtItsOwnRevision() {
        List<StoredEvent> events = renumbered(chained(6), 2);
        StoredEvent forged = new StoredEvent(PLAN, 2, "forged", "PlanAggregate", "x.Forged", null, bytes("{}"), null,
                "2026-01-01T00:00:00Z", null);
        events.add(2, withHash(forged, EventChain.link(events.get(1).chainHash(), forged)));
        assertThat(verify(events).failure()).extracting(ChainReport.Failure::revision, ChainReport.Failure::problem)
                .containsExactly(3L, ChainReport.Problem.INSERTED);
    }

    @Test
    void twoNeighboursSwappedAreNamedReordered() {
        List<StoredEvent> events = swapped(chained(6), 2, 3);
        assertThat(verify(events).failure()).extracting(ChainReport.Failure::revision, ChainReport.Failure::problem)
                .containsExactly(3L, ChainReport.Problem.REORDERED);
    }

    @Test
    void twoDistantEventsSwappedAreNamedReorderedAtTheFirst() {
        List<StoredEvent> events = swapped(chained(8), 1, 5);
        assertThat(verify(events).failure()).extracting(ChainReport.Failure::revision, ChainReport.Failure::problem)
                .containsExactly(2L, ChainReport.Problem.REORDERED);
    }

    @Test
    void aRewrittenTailWithRecomputedHashesLooksIntactWhichIsWhySealsExist() {
        List<StoredEvent> events = chained(6);
        byte[] previous = events.get(2).chainHash();
        for (int i = 3; i < 6; i++) {
            StoredEvent rewritten = new StoredEvent(PLAN, i, "e-" + i, "PlanAggregate", "x.Event", null,
                    bytes("{\"rewritten\":" + i + "}"), null, "2026-01-01T00:00:00Z", null);
            previous = EventChain.link(previous, rewritten);
            events.set(i, withHash(rewritten, previous));
        }
        assertThat(verify(events).intact()).isTrue();
        assertThat(verify(events).headChainHash()).isNotEqualTo(EventChain.hex(chained(6).get(5).chainHash()));
    }

    @Test
    void verifyingUpToARevisionGivesTheChainHashThere() {
        ChainReport upToFour = ChainVerification.verify(PLAN, chained(6).iterator(), 4);
        assertThat(upToFour.headRevision()).isEqualTo(4);
        assertThat(upToFour.headChainHash()).isEqualTo(EventChain.hex(chained(6).get(3).chainHash()));
    }

    private static ChainReport verify(List<StoredEvent> events) {
        return ChainVerification.verify(PLAN, events.iterator(), Long.MAX_VALUE);
    }

    private static List<StoredEvent> chained(int count) {
        List<StoredEvent> events = new ArrayList<>();
        byte[] previous = EventChain.GENESIS;
        for (int i = 0; i < count; i++) {
            StoredEvent event = new StoredEvent(PLAN, i, "e-" + i, "PlanAggregate", "x.Event", null,
                    bytes("{\"n\":" + i + "}"), bytes("{\"author\":\"ana\"}"), "2026-01-0" + (i % 9 + 1) + "T09:00:00Z",
                    null);
            previous = EventChain.link(previous, event);
            events.add(withHash(event, previous));
        }
        return events;
    }

    private static List<StoredEvent> renumbered(List<StoredEvent> events, int from) {
        List<StoredEvent> shifted = new ArrayList<>();
        for (StoredEvent event : events) {
            shifted.add(event.sequenceNumber() >= from ? event.atSequence(event.sequenceNumber() + 1) : event);
        }
        return shifted;
    }

    private static List<StoredEvent> swapped(List<StoredEvent> events, int first, int second) {
        List<StoredEvent> swapped = new ArrayList<>(events);
        swapped.set(first, events.get(second).atSequence(first));
        swapped.set(second, events.get(first).atSequence(second));
        return swapped;
    }

    private static StoredEvent withHash(StoredEvent event, byte[] hash) {
        return new StoredEvent(event.planId(), event.sequenceNumber(), event.eventIdentifier(), event.type(),
                event.payloadType(), event.payloadRevision(), event.payload(), event.metaData(), event.timeStamp(),
                hash);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
