package dev.backcast.plan.steps;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.List;
import java.util.UUID;

/** An action step was added under a milestone. */
public record StepAdded(UUID planId, UUID milestoneId, UUID stepId, String description, String owner, int durationDays, List<UUID> predecessors, Reason reason) implements PlanEvent {
    public StepAdded {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
    }
}
