package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.List;
import java.util.UUID;

/** A milestone's description changed; carries the complete new name, definition of done, owner and metrics. */
public record MilestoneRevised(UUID planId, UUID milestoneId, String name, String definitionOfDone, String owner, List<UUID> metrics, Reason reason) implements PlanEvent {
    public MilestoneRevised {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
