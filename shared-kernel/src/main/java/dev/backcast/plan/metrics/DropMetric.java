package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Drop a success metric no milestone serves any more. */
public record DropMetric(UUID metricId, Reason reason) implements PlanChange {
}
