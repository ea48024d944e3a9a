package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A milestone was added to the plan. */
public record MilestoneAdded(UUID planId, UUID milestoneId, String name, String definitionOfDone, String owner, int leadTimeDays, List<UUID> predecessors, LocalDate deadline, List<UUID> metrics, Reason reason) implements PlanEvent {
    public MilestoneAdded {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
