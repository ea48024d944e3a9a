package dev.backcast.plan.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A value of a success metric observed on a day. */
public record Measurement(BigDecimal value, LocalDate on) {
}
