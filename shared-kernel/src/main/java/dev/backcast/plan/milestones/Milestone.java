package dev.backcast.plan.milestones;

import dev.backcast.plan.steps.ActionStep;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A milestone that must be reached before the goal, with its action steps in the order they were added. */
public record Milestone(UUID id, String name, String definitionOfDone, String owner, int leadTimeDays,
                        List<UUID> predecessors, LocalDate deadline, List<UUID> metrics, LocalDate reachedOn,
                        Map<UUID, ActionStep> steps) {

    public Milestone {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        steps = steps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public boolean reached() {
        return reachedOn != null;
    }

    public MilestoneStatus status() {
        return reached() ? MilestoneStatus.REACHED : MilestoneStatus.PLANNED;
    }
}
