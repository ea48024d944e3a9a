package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Remove a milestone no other milestone depends on. */
public record RemoveMilestone(UUID milestoneId, Reason reason) implements PlanChange {
}
