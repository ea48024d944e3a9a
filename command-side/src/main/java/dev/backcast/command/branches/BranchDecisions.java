package dev.backcast.command.branches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.branches.BranchDiscarded;
import dev.backcast.plan.branches.BranchMerged;
import dev.backcast.plan.branches.BranchPlan;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.plan.branches.DiscardBranch;
import dev.backcast.plan.branches.MarkBranchMerged;
import dev.backcast.plan.branches.MergeBranch;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Decisions about what-if branches: starting one, giving it up, and recording its changes on the plan of record. */
public final class BranchDecisions {

    /** Copies events field by field; decimals keep their scale, as a metric's 0.50 is not its 0.5. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private BranchDecisions() {
    }

    public static PlanBranched branch(BranchPlan command) {
        Checks.required("branchId", command.branchId());
        String name = Checks.requiredText("name", command.name(), Checks.NAME_LIMIT).strip();
        PlanState origin = command.origin();
        if (origin.isBranch()) {
            throw PlanRejection.ruleViolated(null, "This is already a what-if branch of plan "
                    + origin.branch().originPlanId() + "; branch the plan of record instead");
        }
        return new PlanBranched(command.branchId(), origin.planId(), command.fromRevision(), name, origin);
    }

    public static List<PlanEvent> discard(PlanState plan, DiscardBranch command) {
        requireOpenBranch(plan);
        Checks.requiredReason(command.reason());
        return List.of(new BranchDiscarded(plan.planId(), command.reason()));
    }

    public static List<PlanEvent> markMerged(PlanState plan, MarkBranchMerged command) {
        requireOpenBranch(plan);
        return List.of(new BranchMerged(plan.planId(), command.mergedIntoRevision()));
    }

    /**
     * The branch's own events, now naming the plan of record, once it is certain they all apply to it as it is: the
     * elements they change still exist and dependencies stay acyclic. Lifecycle decisions are not merged: approval,
     * achievement and abandonment are made on the plan of record.
     */
    public static List<PlanEvent> merge(PlanState plan, MergeBranch command) {
        Checks.required("changeSetId", command.changeSetId());
        Checks.requiredText("message", command.message(), Checks.TEXT_LIMIT);
        if (plan.isBranch()) {
            throw PlanRejection.ruleViolated(null, "A branch is merged into its plan of record, not into another "
                    + "branch");
        }
        if (plan.status().closed()) {
            throw PlanRejection.wrongStatus("The plan is " + plan.status() + " and accepts no further change");
        }
        if (command.changes().isEmpty()) {
            throw PlanRejection.ruleViolated(null, "The branch holds no change to merge");
        }
        List<PlanEvent> merged = new ArrayList<>();
        PlanState result = plan;
        for (PlanEvent change : command.changes()) {
            if (change instanceof PlanApproved || change instanceof GoalAchieved || change instanceof PlanAbandoned) {
                throw PlanRejection.ruleViolated(null, "The branch " + lifecycle(change) + "; approval, "
                        + "achievement and abandonment are decided on the plan of record itself, so this branch "
                        + "cannot be merged");
            }
            PlanEvent onPlan = retarget(change, plan.planId());
            try {
                result = result.evolve(onPlan);
            } catch (RuntimeException conflict) {
                throw conflict(change);
            }
            merged.add(onPlan);
        }
        requireWhole(result);
        return merged;
    }

    static void requireOpenBranch(PlanState plan) {
        if (!plan.isBranch()) {
            throw PlanRejection.ruleViolated(null, "This plan is a plan of record, not a what-if branch");
        }
        if (plan.branch().status() != BranchStatus.OPEN) {
            throw PlanRejection.branchClosed(plan.branch().status());
        }
    }

    private static String lifecycle(PlanEvent change) {
        if (change instanceof PlanApproved) {
            return "approves the plan";
        }
        return change instanceof GoalAchieved ? "records the goal as achieved" : "abandons the plan";
    }

    private static PlanRejection conflict(PlanEvent change) {
        return PlanRejection.ruleViolated(null, "The branch's " + change.getClass().getSimpleName() + " no longer "
                + "applies to the plan of record: what it changes was removed there since the branch began");
    }

    /**
     * The merged plan must hold together: every predecessor and metric a milestone names still exists, as does every
     * step a step waits for, and no dependencies go round in a circle.
     */
    private static void requireWhole(PlanState result) {
        for (Milestone milestone : result.milestones().values()) {
            for (UUID predecessor : milestone.predecessors()) {
                if (!result.milestones().containsKey(predecessor)) {
                    throw missing("milestone \"" + milestone.name() + "\" waits for a milestone");
                }
            }
            for (UUID metric : milestone.metrics()) {
                if (!result.metrics().containsKey(metric)) {
                    throw missing("milestone \"" + milestone.name() + "\" serves a metric");
                }
            }
            milestone.steps().values().forEach(step -> step.predecessors().forEach(predecessor -> {
                if (!milestone.steps().containsKey(predecessor)) {
                    throw missing("step \"" + step.description() + "\" waits for a step");
                }
            }));
        }
        try {
            BackwardScheduler.topologicalOrder(result.milestones().keySet(),
                    id -> result.milestones().get(id).predecessors());
            for (Milestone milestone : result.milestones().values()) {
                BackwardScheduler.topologicalOrder(milestone.steps().keySet(),
                        id -> milestone.steps().get(id).predecessors());
            }
        } catch (IllegalStateException cycle) {
            throw PlanRejection.ruleViolated(null, "With the branch's changes the plan's dependencies would go round "
                    + "in a circle, because the plan of record changed dependencies too; change them on the branch "
                    + "and merge again");
        }
    }

    private static PlanRejection missing(String what) {
        return PlanRejection.ruleViolated(null, "With the branch's changes a " + what + " that the plan of record "
                + "has removed since the branch began; change that on the branch and merge again");
    }

    /** The same event naming {@code planId}: every event names its plan in the same field. */
    private static PlanEvent retarget(PlanEvent event, UUID planId) {
        ObjectNode fields = JSON.valueToTree(event);
        fields.put("planId", planId.toString());
        try {
            return JSON.treeToValue(fields, event.getClass());
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("An event could not be copied onto the plan of record", unreadable);
        }
    }
}
