package dev.backcast.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a trusted seal proves about the record now: every plan it covers still has, at the sealed revision, the chain
 * hash the seal signed — or which plans do not, and from which revision.
 */
public record SealCheck(UUID sealId, Instant takenAt, boolean unchanged, int plansSealed, int plansUnchanged,
                        List<ChangedPlan> changed) {

    /**
     * @param firstFailure where the stored chain itself breaks, when it does; absent when the history was rewritten
     *                     with recomputed hashes, which only the seal reveals
     */
    public record ChangedPlan(String planId, long sealedRevision, String sealedChainHash, String foundChainHash,
                              String detail, ChainReport.Failure firstFailure) {
    }

    /** Compares one sealed plan with its events verified up to the sealed revision. */
    public static ChangedPlan compare(SealStatement.SealedPlan sealed, ChainReport verified) {
        if (!verified.intact()) {
            return new ChangedPlan(sealed.planId(), sealed.revision(), sealed.chainHash(), null,
                    "the recorded chain breaks at revision " + verified.failure().revision() + ": "
                            + verified.failure().detail(), verified.failure());
        }
        if (verified.headRevision() < sealed.revision()) {
            return new ChangedPlan(sealed.planId(), sealed.revision(), sealed.chainHash(), verified.headChainHash(),
                    "the seal covers revision " + sealed.revision() + " but only " + verified.headRevision()
                            + " revisions are recorded now: events were removed", null);
        }
        if (!verified.headChainHash().equals(sealed.chainHash())) {
            return new ChangedPlan(sealed.planId(), sealed.revision(), sealed.chainHash(), verified.headChainHash(),
                    "the history up to revision " + sealed.revision() + " was rewritten after the seal was taken: "
                            + "its chain hash there is no longer the sealed one", null);
        }
        return null;
    }
}
