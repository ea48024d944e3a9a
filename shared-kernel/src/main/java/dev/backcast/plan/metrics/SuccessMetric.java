package dev.backcast.plan.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A measurable sign that the press release came true, with its measurements in the order they were recorded. */
public record SuccessMetric(UUID id, String name, String unit, BigDecimal baselineValue, BigDecimal targetValue,
                            Direction direction, LocalDate measuredBy, List<Measurement> measurements) {

    public SuccessMetric {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }
}
