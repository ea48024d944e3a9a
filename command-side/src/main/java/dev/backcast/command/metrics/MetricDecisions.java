package dev.backcast.command.metrics;

import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.metrics.DefineMetric;
import dev.backcast.plan.metrics.DropMetric;
import dev.backcast.plan.metrics.MeasureMetric;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricDropped;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.metrics.MetricRevised;
import dev.backcast.plan.metrics.ReviseMetric;
import dev.backcast.plan.metrics.SuccessMetric;
import dev.backcast.plan.milestones.Milestone;

import java.time.LocalDate;
import java.util.List;

/** Decisions about success metrics and their measurements. */
public final class MetricDecisions {

    private MetricDecisions() {
    }

    public static List<PlanEvent> define(PlanState plan, DefineMetric change) {
        Checks.validReason(change.reason());
        Lookups.unused("metricId", change.metricId(), plan.metrics(), "success metric");
        Checks.requiredText("name", change.name(), Checks.NAME_LIMIT);
        Checks.optionalText("unit", change.unit(), Checks.NAME_LIMIT);
        Checks.required("baselineValue", change.baselineValue());
        Checks.required("targetValue", change.targetValue());
        Checks.required("direction", change.direction());
        return List.of(new MetricDefined(plan.planId(), change.metricId(), change.name().strip(), change.unit(),
                change.baselineValue(), change.targetValue(), change.direction(), change.measuredBy(),
                change.reason()));
    }

    public static List<PlanEvent> revise(PlanState plan, ReviseMetric change) {
        SuccessMetric metric = Lookups.metric(plan, change.metricId());
        Checks.requiredReason(change.reason());
        MetricRevised revised = new MetricRevised(plan.planId(), metric.id(),
                change.name() == null ? metric.name() : Checks.requiredText("name", change.name(), Checks.NAME_LIMIT).strip(),
                change.unit() == null ? metric.unit() : Checks.optionalText("unit", change.unit(), Checks.NAME_LIMIT),
                change.baselineValue() == null ? metric.baselineValue() : change.baselineValue(),
                change.targetValue() == null ? metric.targetValue() : change.targetValue(),
                change.direction() == null ? metric.direction() : change.direction(),
                change.measuredBy() == null ? metric.measuredBy() : change.measuredBy().orElse(null),
                change.reason());
        boolean unchanged = revised.name().equals(metric.name())
                && java.util.Objects.equals(revised.unit(), metric.unit())
                && revised.baselineValue().compareTo(metric.baselineValue()) == 0
                && revised.targetValue().compareTo(metric.targetValue()) == 0
                && revised.direction() == metric.direction()
                && java.util.Objects.equals(revised.measuredBy(), metric.measuredBy());
        return unchanged ? List.of() : List.of(revised);
    }

    public static List<PlanEvent> drop(PlanState plan, DropMetric change) {
        SuccessMetric metric = Lookups.metric(plan, change.metricId());
        Checks.requiredReason(change.reason());
        List<String> servedBy = plan.milestones().values().stream().filter(m -> m.metrics().contains(metric.id()))
                .map(Milestone::name).map(name -> "'" + name + "'").toList();
        if (!servedBy.isEmpty()) {
            throw PlanRejection.ruleViolated("metricId", "Milestones " + String.join(", ", servedBy)
                    + " serve the metric '" + metric.name() + "'; revise their metrics before dropping it");
        }
        return List.of(new MetricDropped(plan.planId(), metric.id(), change.reason()));
    }

    public static List<PlanEvent> measure(PlanState plan, MeasureMetric change, LocalDate today) {
        SuccessMetric metric = Lookups.metric(plan, change.metricId());
        Checks.validReason(change.reason());
        Checks.required("value", change.value());
        Checks.notInFuture("on", change.on(), today);
        return List.of(new MetricMeasured(plan.planId(), metric.id(), change.value(), change.on(), change.reason()));
    }
}
