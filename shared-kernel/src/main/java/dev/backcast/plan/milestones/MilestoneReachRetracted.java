package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A milestone recorded as reached was found not to be. */
public record MilestoneReachRetracted(UUID planId, UUID milestoneId, Reason reason) implements PlanEvent {
}
