package dev.backcast.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * Apply one change to a plan.
 *
 * @param expectedVersion the aggregate version the change was based on (revision − 1), or null to apply it to
 *                        whatever the plan is now
 */
public record ChangePlan(@TargetAggregateIdentifier UUID planId, @TargetAggregateVersion Long expectedVersion,
                         PlanChange change) {
}
