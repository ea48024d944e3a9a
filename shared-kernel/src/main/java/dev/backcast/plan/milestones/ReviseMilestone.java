package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Change a milestone; absent fields stay as they are, an explicit null deadline unpins it. */
public record ReviseMilestone(UUID milestoneId, String name, String definitionOfDone, String owner, Integer leadTimeDays, List<UUID> predecessors, Optional<LocalDate> deadline, List<UUID> metrics, Reason reason) implements PlanChange {
}
