package dev.backcast.plan.metrics;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A success metric was dropped. */
public record MetricDropped(UUID planId, UUID metricId, Reason reason) implements PlanEvent {
}
