package dev.backcast.command.steps;

import dev.backcast.command.plan.AcyclicDependencies;
import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.MarkStepDone;
import dev.backcast.plan.steps.RemoveStep;
import dev.backcast.plan.steps.ReopenStep;
import dev.backcast.plan.steps.ReviseStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Decisions about the action steps under a milestone. */
public final class StepDecisions {

    private StepDecisions() {
    }

    public static List<PlanEvent> add(PlanState plan, AddStep change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        Checks.validReason(change.reason());
        Lookups.unused("stepId", change.stepId(), milestone.steps(), "step under this milestone");
        String description = Checks.requiredText("description", change.description(), Checks.TEXT_LIMIT).strip();
        Checks.optionalText("owner", change.owner(), Checks.NAME_LIMIT);
        int durationDays = Checks.days("durationDays", change.durationDays());
        List<UUID> predecessors = change.predecessors() == null ? List.of() : change.predecessors();
        checkPredecessors(milestone, change.stepId(), predecessors);
        return List.of(new StepAdded(plan.planId(), milestone.id(), change.stepId(), description, change.owner(),
                durationDays, predecessors, change.reason()));
    }

    public static List<PlanEvent> revise(PlanState plan, ReviseStep change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        ActionStep step = Lookups.step(milestone, change.stepId());
        Checks.requiredReason(change.reason());
        String description = change.description() == null ? step.description()
                : Checks.requiredText("description", change.description(), Checks.TEXT_LIMIT).strip();
        String owner = change.owner() == null ? step.owner()
                : Checks.optionalText("owner", change.owner(), Checks.NAME_LIMIT);
        int durationDays = change.durationDays() == null ? step.durationDays()
                : Checks.days("durationDays", change.durationDays());
        List<UUID> predecessors = change.predecessors() == null ? step.predecessors() : change.predecessors();
        checkPredecessors(milestone, step.id(), predecessors);
        boolean unchanged = description.equals(step.description()) && Objects.equals(owner, step.owner())
                && durationDays == step.durationDays() && predecessors.equals(step.predecessors());
        return unchanged ? List.of() : List.of(new StepRevised(plan.planId(), milestone.id(), step.id(), description,
                owner, durationDays, predecessors, change.reason()));
    }

    public static List<PlanEvent> remove(PlanState plan, RemoveStep change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        ActionStep step = Lookups.step(milestone, change.stepId());
        Checks.requiredReason(change.reason());
        List<String> dependents = milestone.steps().values().stream()
                .filter(s -> s.predecessors().contains(step.id())).map(s -> "'" + s.description() + "'").toList();
        if (!dependents.isEmpty()) {
            throw PlanRejection.ruleViolated("stepId", "Step '" + step.description() + "' cannot be removed: "
                    + String.join(", ", dependents) + " depend on it. Change their predecessors first");
        }
        return List.of(new StepRemoved(plan.planId(), milestone.id(), step.id(), change.reason()));
    }

    public static List<PlanEvent> markDone(PlanState plan, MarkStepDone change, LocalDate today) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        ActionStep step = Lookups.step(milestone, change.stepId());
        Checks.validReason(change.reason());
        Checks.notInFuture("on", change.on(), today);
        if (step.done()) {
            throw PlanRejection.ruleViolated("stepId", "Step '" + step.description() + "' was already done on "
                    + step.doneOn() + "; reopen it first to record another day");
        }
        return List.of(new StepMarkedDone(plan.planId(), milestone.id(), step.id(), change.on(), change.reason()));
    }

    public static List<PlanEvent> reopen(PlanState plan, ReopenStep change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        ActionStep step = Lookups.step(milestone, change.stepId());
        Checks.requiredReason(change.reason());
        if (!step.done()) {
            throw PlanRejection.ruleViolated("stepId", "Step '" + step.description() + "' is not done, so it cannot be reopened");
        }
        return List.of(new StepReopened(plan.planId(), milestone.id(), step.id(), change.reason()));
    }

    private static void checkPredecessors(Milestone milestone, UUID stepId, List<UUID> predecessors) {
        Checks.distinct("predecessors", predecessors);
        if (predecessors.contains(stepId)) {
            throw PlanRejection.ruleViolated("predecessors", "A step cannot be its own predecessor");
        }
        Lookups.references("predecessors", predecessors, milestone.steps(), "step under this milestone");
        Map<UUID, List<UUID>> graph = new HashMap<>();
        milestone.steps().values().forEach(s -> graph.put(s.id(), s.predecessors()));
        AcyclicDependencies.requireAcyclic("predecessors", stepId, predecessors, graph,
                id -> milestone.steps().containsKey(id) ? "'" + milestone.steps().get(id).description() + "'" : "this step");
    }
}
