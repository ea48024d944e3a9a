package dev.backcast.plan.branches;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;

import java.util.UUID;

/** The branch's changes were recorded on the plan of record, reaching {@code mergedIntoRevision}; it is closed. */
public record BranchMerged(UUID planId, long mergedIntoRevision) implements PlanEvent {

    @Override
    public Reason reason() {
        return null;
    }
}
