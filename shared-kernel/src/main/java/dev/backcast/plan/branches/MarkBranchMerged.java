package dev.backcast.plan.branches;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Close a branch whose changes the plan of record now holds, at the revision the merge reached. */
public record MarkBranchMerged(@TargetAggregateIdentifier UUID planId, long mergedIntoRevision) {
}
