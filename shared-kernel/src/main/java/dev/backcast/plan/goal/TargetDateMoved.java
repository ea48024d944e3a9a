package dev.backcast.plan.goal;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.UUID;

/** The goal's target date was moved. */
public record TargetDateMoved(UUID planId, LocalDate targetDate, Reason reason) implements PlanEvent {
}
