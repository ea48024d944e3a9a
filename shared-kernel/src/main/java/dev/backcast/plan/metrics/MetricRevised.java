package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A success metric was changed; carries the complete new definition. */
public record MetricRevised(UUID planId, UUID metricId, String name, String unit, BigDecimal baselineValue, BigDecimal targetValue, Direction direction, LocalDate measuredBy, Reason reason) implements PlanEvent {
}
