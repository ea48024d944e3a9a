package dev.backcast.plan;

import java.util.UUID;

/** The plan was given up. */
public record PlanAbandoned(UUID planId, Reason reason) implements PlanEvent {
}
