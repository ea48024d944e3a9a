package dev.backcast.plan.branches;

import dev.backcast.plan.Reason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Give up a what-if branch: it stays in the record, read-only, as discarded. */
public record DiscardBranch(@TargetAggregateIdentifier UUID planId, Reason reason) {
}
