package dev.backcast.command.baselines;

import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.command.plan.PlanLifecycle;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.baselines.CaptureBaseline;
import dev.backcast.plan.scheduling.BackwardScheduler;

import java.time.LocalDate;
import java.util.List;

/** Decisions about baselines: frozen copies of the schedule to measure slip against. */
public final class BaselineDecisions {

    private BaselineDecisions() {
    }

    public static List<PlanEvent> capture(PlanState plan, CaptureBaseline change, LocalDate today) {
        Checks.validReason(change.reason());
        String name = newName(plan, change.name());
        return List.of(new BaselineCaptured(plan.planId(), name, plan.targetDate(),
                BackwardScheduler.schedule(plan, today).dueDates(), change.reason()));
    }

    /**
     * Records a baseline another tool froze: its dates are the file's, not today's schedule. Every date must name a
     * milestone of the plan.
     */
    public static BaselineCaptured adopt(PlanState plan, Baseline baseline, Reason reason) {
        Checks.validReason(reason);
        String name = newName(plan, baseline.name());
        Checks.required("baselines.targetDate", baseline.targetDate());
        Lookups.references("baselines.dueDates", List.copyOf(baseline.dueDates().keySet()), plan.milestones(),
                "milestone");
        return new BaselineCaptured(plan.planId(), name, baseline.targetDate(), baseline.dueDates(), reason);
    }

    private static String newName(PlanState plan, String requested) {
        String name = Checks.requiredText("name", requested, Checks.NAME_LIMIT).strip();
        if (name.equalsIgnoreCase(PlanLifecycle.APPROVED_BASELINE)) {
            throw PlanRejection.ruleViolated("name", "The baseline name '" + name
                    + "' is reserved for the baseline that approval captures; choose another name");
        }
        if (plan.baselines().containsKey(name)) {
            throw PlanRejection.ruleViolated("name", "The plan already has a baseline named '" + name
                    + "'; baselines are frozen, so choose another name");
        }
        return name;
    }
}
