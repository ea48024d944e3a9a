package dev.backcast.plan.steps;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** An action step recorded as done was reopened. */
public record StepReopened(UUID planId, UUID milestoneId, UUID stepId, Reason reason) implements PlanEvent {
}
