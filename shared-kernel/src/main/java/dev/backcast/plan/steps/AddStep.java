package dev.backcast.plan.steps;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.List;
import java.util.UUID;

/** Add an action step under a milestone. */
public record AddStep(UUID milestoneId, UUID stepId, String description, String owner, Integer durationDays, List<UUID> predecessors, Reason reason) implements PlanChange {
}
