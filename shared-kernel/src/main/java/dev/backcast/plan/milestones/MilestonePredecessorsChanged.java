package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.List;
import java.util.UUID;

/** The milestones that must come before a milestone changed. */
public record MilestonePredecessorsChanged(UUID planId, UUID milestoneId, List<UUID> predecessors, Reason reason) implements PlanEvent {
    public MilestonePredecessorsChanged {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
    }
}
