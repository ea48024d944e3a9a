package dev.backcast.command.plan;

import dev.backcast.command.baselines.BaselineDecisions;
import dev.backcast.command.goal.GoalDecisions;
import dev.backcast.command.metrics.MetricDecisions;
import dev.backcast.command.milestones.MilestoneDecisions;
import dev.backcast.command.questions.QuestionDecisions;
import dev.backcast.command.risks.RiskDecisions;
import dev.backcast.command.steps.StepDecisions;
import dev.backcast.plan.AbandonPlan;
import dev.backcast.plan.AchieveGoal;
import dev.backcast.plan.ApprovePlan;
import dev.backcast.plan.ChangePlanDetails;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.baselines.CaptureBaseline;
import dev.backcast.plan.goal.MoveTargetDate;
import dev.backcast.plan.goal.RedefineGoal;
import dev.backcast.plan.metrics.DefineMetric;
import dev.backcast.plan.metrics.DropMetric;
import dev.backcast.plan.metrics.MeasureMetric;
import dev.backcast.plan.metrics.ReviseMetric;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.RetractMilestoneReached;
import dev.backcast.plan.milestones.ReviseMilestone;
import dev.backcast.plan.questions.AnswerQuestion;
import dev.backcast.plan.questions.RaiseQuestion;
import dev.backcast.plan.risks.CloseRisk;
import dev.backcast.plan.risks.IdentifyRisk;
import dev.backcast.plan.risks.ReassessRisk;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.MarkStepDone;
import dev.backcast.plan.steps.RemoveStep;
import dev.backcast.plan.steps.ReopenStep;
import dev.backcast.plan.steps.ReviseStep;

import java.time.LocalDate;
import java.util.List;

/** Decides what one change to an existing plan records: the events, or a {@link PlanRejection}. Pure. */
public final class PlanDecisions {

    private PlanDecisions() {
    }

    public static List<PlanEvent> decide(PlanState plan, PlanChange change, LocalDate today) {
        Checks.required("op", change);
        if (plan.isClosedBranch()) {
            throw PlanRejection.branchClosed(plan.branch().status());
        }
        if (plan.status().closed()) {
            throw PlanRejection.wrongStatus("The plan is " + plan.status() + " and accepts no further change");
        }
        if (change instanceof ChangePlanDetails c) {
            return PlanLifecycle.changeDetails(plan, c);
        }
        if (change instanceof ApprovePlan c) {
            return PlanLifecycle.approve(plan, c, today);
        }
        if (change instanceof AchieveGoal c) {
            return PlanLifecycle.achieve(plan, c, today);
        }
        if (change instanceof AbandonPlan c) {
            return PlanLifecycle.abandon(plan, c);
        }
        if (change instanceof RedefineGoal c) {
            return GoalDecisions.redefine(plan, c);
        }
        if (change instanceof MoveTargetDate c) {
            return GoalDecisions.moveTargetDate(plan, c);
        }
        if (change instanceof DefineMetric c) {
            return MetricDecisions.define(plan, c);
        }
        if (change instanceof ReviseMetric c) {
            return MetricDecisions.revise(plan, c);
        }
        if (change instanceof DropMetric c) {
            return MetricDecisions.drop(plan, c);
        }
        if (change instanceof MeasureMetric c) {
            return MetricDecisions.measure(plan, c, today);
        }
        if (change instanceof AddMilestone c) {
            return MilestoneDecisions.add(plan, c);
        }
        if (change instanceof ReviseMilestone c) {
            return MilestoneDecisions.revise(plan, c);
        }
        if (change instanceof RemoveMilestone c) {
            return MilestoneDecisions.remove(plan, c);
        }
        if (change instanceof ReachMilestone c) {
            return MilestoneDecisions.reach(plan, c, today);
        }
        if (change instanceof RetractMilestoneReached c) {
            return MilestoneDecisions.retractReached(plan, c);
        }
        if (change instanceof AddStep c) {
            return StepDecisions.add(plan, c);
        }
        if (change instanceof ReviseStep c) {
            return StepDecisions.revise(plan, c);
        }
        if (change instanceof RemoveStep c) {
            return StepDecisions.remove(plan, c);
        }
        if (change instanceof MarkStepDone c) {
            return StepDecisions.markDone(plan, c, today);
        }
        if (change instanceof ReopenStep c) {
            return StepDecisions.reopen(plan, c);
        }
        if (change instanceof RaiseQuestion c) {
            return QuestionDecisions.raise(plan, c);
        }
        if (change instanceof AnswerQuestion c) {
            return QuestionDecisions.answer(plan, c);
        }
        if (change instanceof IdentifyRisk c) {
            return RiskDecisions.identify(plan, c);
        }
        if (change instanceof ReassessRisk c) {
            return RiskDecisions.reassess(plan, c);
        }
        if (change instanceof CloseRisk c) {
            return RiskDecisions.close(plan, c);
        }
        if (change instanceof CaptureBaseline c) {
            return BaselineDecisions.capture(plan, c, today);
        }
        throw new IllegalArgumentException("No decision is defined for " + change.getClass().getName());
    }
}
