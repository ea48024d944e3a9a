package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A success metric was measured. */
public record MetricMeasured(UUID planId, UUID metricId, BigDecimal value, LocalDate on, Reason reason) implements PlanEvent {
}
