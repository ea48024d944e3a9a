package dev.backcast.plan.steps;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Take back an action step recorded as done. */
public record ReopenStep(UUID milestoneId, UUID stepId, Reason reason) implements PlanChange {
}
