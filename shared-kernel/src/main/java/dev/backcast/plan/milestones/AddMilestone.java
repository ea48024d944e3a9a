package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Add a milestone that must be reached before the goal. */
public record AddMilestone(UUID milestoneId, String name, String definitionOfDone, String owner, Integer leadTimeDays, List<UUID> predecessors, LocalDate deadline, List<UUID> metrics, Reason reason) implements PlanChange {
}
