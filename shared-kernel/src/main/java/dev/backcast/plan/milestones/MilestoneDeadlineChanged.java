package dev.backcast.plan.milestones;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone's pinned deadline was set, moved or removed (null). */
public record MilestoneDeadlineChanged(UUID planId, UUID milestoneId, LocalDate deadline, Reason reason) implements PlanEvent {
}
