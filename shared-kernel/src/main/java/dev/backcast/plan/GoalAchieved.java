package dev.backcast.plan;

import java.time.LocalDate;
import java.util.UUID;

/** The goal of the press release was reached on the given day. */
public record GoalAchieved(UUID planId, LocalDate on, Reason reason) implements PlanEvent {
}
