package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.UUID;

/** Record the day a milestone was actually reached. */
public record ReachMilestone(UUID milestoneId, LocalDate on, Reason reason) implements PlanChange {
}
