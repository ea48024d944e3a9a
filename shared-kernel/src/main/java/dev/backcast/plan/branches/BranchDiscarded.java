package dev.backcast.plan.branches;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;

import java.util.UUID;

/** The what-if branch was given up; it accepts no further change. */
public record BranchDiscarded(UUID planId, Reason reason) implements PlanEvent {
}
