package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Record a measurement of a success metric. */
public record MeasureMetric(UUID metricId, BigDecimal value, LocalDate on, Reason reason) implements PlanChange {
}
