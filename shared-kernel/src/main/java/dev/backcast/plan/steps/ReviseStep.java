package dev.backcast.plan.steps;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.List;
import java.util.UUID;

/** Change an action step; absent fields stay as they are. */
public record ReviseStep(UUID milestoneId, UUID stepId, String description, String owner, Integer durationDays, List<UUID> predecessors, Reason reason) implements PlanChange {
}
