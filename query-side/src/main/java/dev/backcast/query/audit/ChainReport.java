package dev.backcast.query.audit;

/**
 * Whether a plan's recorded events still form the chain they formed when they were appended.
 *
 * @param events        how many events were verified
 * @param headRevision  the last revision verified
 * @param headChainHash the chain hash at {@code headRevision}, recomputed from the events as they are stored now
 * @param failure       the first revision that fails, when the chain is broken
 */
public record ChainReport(String planId, Status status, long events, long headRevision, String headChainHash,
                          Failure failure) {

    public enum Status { INTACT, BROKEN }

    /** How an event fails: changed in place, missing, inserted into the chain, or moved to another revision. */
    public enum Problem { CHANGED, MISSING, INSERTED, REORDERED }

    /**
     * @param expectedHash the chain hash the record holds for this revision (recorded when the event was appended)
     * @param foundHash    the chain hash of the event as it is stored now
     */
    public record Failure(long revision, Problem problem, String expectedHash, String foundHash, String detail) {
    }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
