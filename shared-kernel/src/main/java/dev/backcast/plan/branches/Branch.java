package dev.backcast.plan.branches;

import java.util.UUID;

/**
 * What makes a plan a what-if branch: the plan of record it was drawn from, the revision it started from, its name
 * and whether it is still open to changes.
 */
public record Branch(UUID originPlanId, long fromRevision, String name, BranchStatus status) {

    public Branch withStatus(BranchStatus newStatus) {
        return new Branch(originPlanId, fromRevision, name, newStatus);
    }
}
