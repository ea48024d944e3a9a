package dev.backcast.plan.steps;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.UUID;

/** Record the day an action step was done. */
public record MarkStepDone(UUID milestoneId, UUID stepId, LocalDate on, Reason reason) implements PlanChange {
}
