package dev.backcast.plan;

import java.util.UUID;

/** The plan left drafting and became active. */
public record PlanApproved(UUID planId, Reason reason) implements PlanEvent {
}
