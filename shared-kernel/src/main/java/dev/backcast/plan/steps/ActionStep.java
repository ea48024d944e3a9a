package dev.backcast.plan.steps;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One step of the reverse action plan under a milestone. */
public record ActionStep(UUID id, String description, String owner, int durationDays, List<UUID> predecessors,
                         LocalDate doneOn) {

    public ActionStep {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
    }

    public boolean done() {
        return doneOn != null;
    }
}
