package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A milestone's lead time was re-estimated. */
public record MilestoneLeadTimeReestimated(UUID planId, UUID milestoneId, int leadTimeDays, Reason reason) implements PlanEvent {
}
