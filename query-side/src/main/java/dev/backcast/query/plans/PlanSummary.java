package dev.backcast.query.plans;

import dev.backcast.plan.PlanStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a plan list. */
public record PlanSummary(UUID planId, String title, String portfolio, PlanStatus status, LocalDate targetDate,
                          LocalDate forecastGoalDate, int lateByDays, long revision, Instant lastChangedAt,
                          String lastChangedBy) {
}
