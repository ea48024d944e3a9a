package dev.backcast.plan.branches;

import dev.backcast.plan.Reason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * Give up a what-if branch: it stays in the record, read-only, as discarded.
 *
 * @param expectedVersion the branch's aggregate version the decision was based on (revision − 1), or null to discard
 *                        it whatever it holds now
 */
public record DiscardBranch(@TargetAggregateIdentifier UUID planId, @TargetAggregateVersion Long expectedVersion,
                            Reason reason) {
}
