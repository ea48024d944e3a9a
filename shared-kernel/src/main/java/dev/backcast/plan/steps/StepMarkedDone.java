package dev.backcast.plan.steps;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.UUID;

/** An action step was done on the given day. */
public record StepMarkedDone(UUID planId, UUID milestoneId, UUID stepId, LocalDate on, Reason reason) implements PlanEvent {
}
