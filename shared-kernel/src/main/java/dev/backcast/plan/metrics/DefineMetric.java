package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Define a success metric of the press release. */
public record DefineMetric(UUID metricId, String name, String unit, BigDecimal baselineValue, BigDecimal targetValue, Direction direction, LocalDate measuredBy, Reason reason) implements PlanChange {
}
