package dev.backcast.command.milestones;

import dev.backcast.command.goal.GoalDecisions;
import dev.backcast.command.plan.AcyclicDependencies;
import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneDeadlineChanged;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReachRetracted;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.milestones.MilestoneRevised;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.RetractMilestoneReached;
import dev.backcast.plan.milestones.ReviseMilestone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Decisions about milestones: their definition, lead time, dependencies, deadline and whether they were reached. */
public final class MilestoneDecisions {

    private MilestoneDecisions() {
    }

    public static List<PlanEvent> add(PlanState plan, AddMilestone change) {
        Checks.validReason(change.reason());
        Lookups.unused("milestoneId", change.milestoneId(), plan.milestones(), "milestone");
        String name = Checks.requiredText("name", change.name(), Checks.NAME_LIMIT).strip();
        Checks.optionalText("definitionOfDone", change.definitionOfDone(), Checks.TEXT_LIMIT);
        Checks.optionalText("owner", change.owner(), Checks.NAME_LIMIT);
        int leadTimeDays = Checks.days("leadTimeDays", change.leadTimeDays());
        List<UUID> predecessors = change.predecessors() == null ? List.of() : change.predecessors();
        checkPredecessors(plan, change.milestoneId(), predecessors);
        GoalDecisions.deadlineNotAfterTarget("deadline", change.deadline(), plan, null);
        Checks.distinct("metrics", change.metrics());
        Lookups.references("metrics", change.metrics(), plan.metrics(), "success metric");
        return List.of(new MilestoneAdded(plan.planId(), change.milestoneId(), name, change.definitionOfDone(),
                change.owner(), leadTimeDays, predecessors, change.deadline(), change.metrics(), change.reason()));
    }

    public static List<PlanEvent> revise(PlanState plan, ReviseMilestone change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        Checks.requiredReason(change.reason());
        List<PlanEvent> events = new ArrayList<>();

        String name = change.name() == null ? milestone.name()
                : Checks.requiredText("name", change.name(), Checks.NAME_LIMIT).strip();
        String definition = change.definitionOfDone() == null ? milestone.definitionOfDone()
                : Checks.optionalText("definitionOfDone", change.definitionOfDone(), Checks.TEXT_LIMIT);
        String owner = change.owner() == null ? milestone.owner()
                : Checks.optionalText("owner", change.owner(), Checks.NAME_LIMIT);
        List<UUID> metrics = change.metrics() == null ? milestone.metrics() : change.metrics();
        Checks.distinct("metrics", metrics);
        Lookups.references("metrics", metrics, plan.metrics(), "success metric");
        if (!name.equals(milestone.name()) || !Objects.equals(definition, milestone.definitionOfDone())
                || !Objects.equals(owner, milestone.owner()) || !metrics.equals(milestone.metrics())) {
            events.add(new MilestoneRevised(plan.planId(), milestone.id(), name, definition, owner, metrics,
                    change.reason()));
        }
        if (change.leadTimeDays() != null) {
            int leadTimeDays = Checks.days("leadTimeDays", change.leadTimeDays());
            if (leadTimeDays != milestone.leadTimeDays()) {
                events.add(new MilestoneLeadTimeReestimated(plan.planId(), milestone.id(), leadTimeDays,
                        change.reason()));
            }
        }
        if (change.deadline() != null) {
            LocalDate deadline = change.deadline().orElse(null);
            GoalDecisions.deadlineNotAfterTarget("deadline", deadline, plan, milestone);
            if (!Objects.equals(deadline, milestone.deadline())) {
                events.add(new MilestoneDeadlineChanged(plan.planId(), milestone.id(), deadline, change.reason()));
            }
        }
        if (change.predecessors() != null) {
            checkPredecessors(plan, milestone.id(), change.predecessors());
            if (!change.predecessors().equals(milestone.predecessors())) {
                events.add(new MilestonePredecessorsChanged(plan.planId(), milestone.id(), change.predecessors(),
                        change.reason()));
            }
        }
        return events;
    }

    public static List<PlanEvent> remove(PlanState plan, RemoveMilestone change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        Checks.requiredReason(change.reason());
        List<String> dependents = plan.milestones().values().stream()
                .filter(m -> m.predecessors().contains(milestone.id())).map(m -> "'" + m.name() + "'").toList();
        if (!dependents.isEmpty()) {
            throw PlanRejection.ruleViolated("milestoneId", "Milestone '" + milestone.name() + "' cannot be removed: "
                    + String.join(", ", dependents) + " depend on it. Change their predecessors first");
        }
        return List.of(new MilestoneRemoved(plan.planId(), milestone.id(), change.reason()));
    }

    public static List<PlanEvent> reach(PlanState plan, ReachMilestone change, LocalDate today) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        Checks.validReason(change.reason());
        Checks.notInFuture("on", change.on(), today);
        if (milestone.reached()) {
            throw PlanRejection.ruleViolated("milestoneId", "Milestone '" + milestone.name()
                    + "' was already reached on " + milestone.reachedOn() + "; retract that first to record another day");
        }
        return List.of(new MilestoneReached(plan.planId(), milestone.id(), change.on(), change.reason()));
    }

    public static List<PlanEvent> retractReached(PlanState plan, RetractMilestoneReached change) {
        Milestone milestone = Lookups.milestone(plan, change.milestoneId());
        Checks.requiredReason(change.reason());
        if (!milestone.reached()) {
            throw PlanRejection.ruleViolated("milestoneId", "Milestone '" + milestone.name()
                    + "' has not been recorded as reached, so there is nothing to retract");
        }
        return List.of(new MilestoneReachRetracted(plan.planId(), milestone.id(), change.reason()));
    }

    private static void checkPredecessors(PlanState plan, UUID milestoneId, List<UUID> predecessors) {
        Checks.distinct("predecessors", predecessors);
        if (predecessors.contains(milestoneId)) {
            throw PlanRejection.ruleViolated("predecessors", "A milestone cannot be its own predecessor");
        }
        Lookups.references("predecessors", predecessors, plan.milestones(), "milestone");
        Map<UUID, List<UUID>> graph = new HashMap<>();
        plan.milestones().values().forEach(m -> graph.put(m.id(), m.predecessors()));
        AcyclicDependencies.requireAcyclic("predecessors", milestoneId, predecessors, graph,
                id -> plan.milestones().containsKey(id) ? "'" + plan.milestones().get(id).name() + "'" : "this milestone");
    }
}
