package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A milestone was removed from the plan. */
public record MilestoneRemoved(UUID planId, UUID milestoneId, Reason reason) implements PlanEvent {
}
