package dev.backcast.plan.branches;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;

import java.util.UUID;

/**
 * A what-if branch began: the first event of the branch's own stream, carrying the plan of record as it stood at
 * {@code fromRevision}, so the branch folds without reading the origin's history.
 */
public record PlanBranched(UUID planId, UUID originPlanId, long fromRevision, String name, PlanState origin)
        implements PlanEvent {

    @Override
    public Reason reason() {
        return null;
    }
}
