package dev.backcast.command.imports;

import dev.backcast.command.baselines.BaselineDecisions;
import dev.backcast.command.plan.PlanLifecycle;
import dev.backcast.command.refinements.RefinementDecisions;
import dev.backcast.plan.ImportPlan;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides an import: the plan is created as {@link PlanLifecycle#create} creates any plan, the schedule is laid out by
 * the same decisions as a refinement, and the file's baselines are adopted with their own dates; one refusal refuses
 * it all.
 */
public final class ImportDecisions {

    private ImportDecisions() {
    }

    public static List<PlanEvent> decide(ImportPlan command, LocalDate today) {
        List<PlanEvent> events = new ArrayList<>();
        PlanEvent created = PlanLifecycle.create(command.plan());
        events.add(created);
        PlanState plan = PlanState.initial().evolve(created);
        if (!command.changes().isEmpty()) {
            List<PlanEvent> laidOut = RefinementDecisions.decide(plan, new RefinePlan(command.planId(), null,
                    command.changeSetId(), command.message(), List.of(), command.changes()), today);
            PlanState.Fold fold = new PlanState.Fold(plan);
            laidOut.forEach(fold::apply);
            plan = fold.state();
            events.addAll(laidOut);
        }
        for (Baseline baseline : command.baselines()) {
            BaselineCaptured adopted = BaselineDecisions.adopt(plan, baseline, command.reason());
            events.add(adopted);
            plan = plan.evolve(adopted);
        }
        return events;
    }
}
