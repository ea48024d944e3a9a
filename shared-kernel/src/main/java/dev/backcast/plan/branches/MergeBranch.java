package dev.backcast.plan.branches;

import dev.backcast.plan.PlanEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.UUID;

/**
 * Record a branch's changes on the plan of record as one refinement.
 *
 * @param planId          the plan of record
 * @param expectedVersion the plan of record's version the merge was checked against (revision − 1), or null
 * @param changes         the branch's own events after it began, in order, still naming the branch
 */
public record MergeBranch(@TargetAggregateIdentifier UUID planId, @TargetAggregateVersion Long expectedVersion,
                          UUID branchId, String branchName, UUID changeSetId, String message,
                          List<PlanEvent> changes) {
}
