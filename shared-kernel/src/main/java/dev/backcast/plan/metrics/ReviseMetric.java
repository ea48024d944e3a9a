package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Change a success metric; absent fields stay as they are, an explicit null measuredBy clears it. */
public record ReviseMetric(UUID metricId, String name, String unit, BigDecimal baselineValue, BigDecimal targetValue, Direction direction, Optional<LocalDate> measuredBy, Reason reason) implements PlanChange {
}
