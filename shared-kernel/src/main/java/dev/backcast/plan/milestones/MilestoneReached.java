package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone was reached on the given day. */
public record MilestoneReached(UUID planId, UUID milestoneId, LocalDate on, Reason reason) implements PlanEvent {
}
