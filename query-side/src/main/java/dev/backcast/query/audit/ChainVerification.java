package dev.backcast.query.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.backcast.query.audit.EventChain.fits;
import static dev.backcast.query.audit.EventChain.hex;
import static dev.backcast.query.audit.EventChain.link;

/**
 * Recomputes one plan's chain from its stored events, in revision order, and names the first revision that fails
 * and how. Holds at most a bounded look-ahead of events in memory, whatever the length of the plan.
 */
public final class ChainVerification {

    /** How far past a failing revision to look for the event that belongs there: enough for any swap an audit meets. */
    private static final int LOOK_AHEAD = 1_000;

    private ChainVerification() {
    }

    /**
     * @param events       the plan's stored events ordered by sequence number; only this plan's
     * @param lastRevision verify up to this revision (a seal's), or {@code Long.MAX_VALUE} for all
     */
    public static ChainReport verify(String planId, Iterator<StoredEvent> events, long lastRevision) {
        byte[] beforePrevious = null;
        byte[] previous = EventChain.GENESIS;
        long expectedSequence = 0;
        while (expectedSequence < lastRevision && events.hasNext()) {
            StoredEvent event = events.next();
            if (event.sequenceNumber() != expectedSequence) {
                return broken(planId, expectedSequence, previous, new ChainReport.Failure(expectedSequence + 1,
                        ChainReport.Problem.MISSING, null, null, "revision " + (expectedSequence + 1)
                        + " is missing: the next recorded event is revision " + event.revision()));
            }
            if (!fits(previous, event)) {
                return broken(planId, expectedSequence, previous,
                        classify(event, previous, beforePrevious, events));
            }
            beforePrevious = previous;
            previous = event.chainHash();
            expectedSequence++;
        }
        return new ChainReport(planId, ChainReport.Status.INTACT, expectedSequence, expectedSequence, hex(previous),
                null);
    }

    private static ChainReport broken(String planId, long verified, byte[] previous, ChainReport.Failure failure) {
        return new ChainReport(planId, ChainReport.Status.BROKEN, verified, verified, hex(previous), failure);
    }

    private static ChainReport.Failure classify(StoredEvent event, byte[] previous, byte[] beforePrevious,
                                                Iterator<StoredEvent> rest) {
        long sequence = event.sequenceNumber();
        long revision = event.revision();
        String recorded = hex(event.chainHash());
        String now = hex(link(previous, event));
        List<StoredEvent> ahead = new ArrayList<>();
        while (ahead.size() < LOOK_AHEAD && rest.hasNext()) {
            ahead.add(rest.next());
        }
        if (!ahead.isEmpty() && fits(previous, ahead.get(0).atSequence(sequence))) {
            if (fits(ahead.get(0).chainHash(), event.atSequence(sequence + 1))) {
                return new ChainReport.Failure(revision, ChainReport.Problem.REORDERED, recorded, now,
                        "revisions " + revision + " and " + (revision + 1) + " have been swapped");
            }
            return new ChainReport.Failure(revision, ChainReport.Problem.INSERTED, recorded, now,
                    "revision " + revision + " was inserted: the events after it were chained without it");
        }
        if (beforePrevious != null && fits(beforePrevious, event.atSequence(sequence - 1))) {
            return new ChainReport.Failure(revision - 1, ChainReport.Problem.INSERTED, hex(beforePrevious),
                    hex(previous),
                    "revision " + (revision - 1) + " was inserted: revision " + revision
                            + " was chained directly after revision " + (revision - 2));
        }
        for (StoredEvent later : ahead) {
            if (fits(previous, later.atSequence(sequence))) {
                return new ChainReport.Failure(revision, ChainReport.Problem.REORDERED, recorded, now,
                        "the event recorded as revision " + revision + " is now at revision " + later.revision()
                                + ", and revision " + revision + " holds another event");
            }
        }
        return new ChainReport.Failure(revision, ChainReport.Problem.CHANGED, recorded, now,
                event.chainHash() == null ? "revision " + revision + " carries no chain hash"
                        : "revision " + revision + " differs from what was recorded: its content, metadata or "
                        + "timestamp has been changed since it was appended");
    }
}
