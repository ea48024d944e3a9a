package dev.backcast.plan.branches;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * Close a branch whose changes the plan of record now holds, at the revision the merge reached.
 *
 * @param expectedVersion the branch's version whose events were merged (revision − 1), or null
 */
public record MarkBranchMerged(@TargetAggregateIdentifier UUID planId, @TargetAggregateVersion Long expectedVersion,
                               long mergedIntoRevision) {
}
