package dev.backcast.plan.steps;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Remove an action step no other step depends on. */
public record RemoveStep(UUID milestoneId, UUID stepId, Reason reason) implements PlanChange {
}
