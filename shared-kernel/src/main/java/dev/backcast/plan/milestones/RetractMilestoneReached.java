package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Take back a milestone recorded as reached. */
public record RetractMilestoneReached(UUID milestoneId, Reason reason) implements PlanChange {
}
