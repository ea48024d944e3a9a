package dev.backcast.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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

/**
 * One change to an existing plan, named by its operation ({@code op}) wherever it travels as JSON: a single write
 * request and each entry of a refinement use the same shape.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChangePlanDetails.class, name = "changePlanDetails"),
        @JsonSubTypes.Type(value = RedefineGoal.class, name = "redefineGoal"),
        @JsonSubTypes.Type(value = MoveTargetDate.class, name = "moveTargetDate"),
        @JsonSubTypes.Type(value = DefineMetric.class, name = "defineMetric"),
        @JsonSubTypes.Type(value = ReviseMetric.class, name = "reviseMetric"),
        @JsonSubTypes.Type(value = DropMetric.class, name = "dropMetric"),
        @JsonSubTypes.Type(value = MeasureMetric.class, name = "measureMetric"),
        @JsonSubTypes.Type(value = AddMilestone.class, name = "addMilestone"),
        @JsonSubTypes.Type(value = ReviseMilestone.class, name = "reviseMilestone"),
        @JsonSubTypes.Type(value = RemoveMilestone.class, name = "removeMilestone"),
        @JsonSubTypes.Type(value = ReachMilestone.class, name = "reachMilestone"),
        @JsonSubTypes.Type(value = RetractMilestoneReached.class, name = "retractMilestoneReached"),
        @JsonSubTypes.Type(value = AddStep.class, name = "addStep"),
        @JsonSubTypes.Type(value = ReviseStep.class, name = "reviseStep"),
        @JsonSubTypes.Type(value = RemoveStep.class, name = "removeStep"),
        @JsonSubTypes.Type(value = MarkStepDone.class, name = "markStepDone"),
        @JsonSubTypes.Type(value = ReopenStep.class, name = "reopenStep"),
        @JsonSubTypes.Type(value = RaiseQuestion.class, name = "raiseQuestion"),
        @JsonSubTypes.Type(value = AnswerQuestion.class, name = "answerQuestion"),
        @JsonSubTypes.Type(value = IdentifyRisk.class, name = "identifyRisk"),
        @JsonSubTypes.Type(value = ReassessRisk.class, name = "reassessRisk"),
        @JsonSubTypes.Type(value = CloseRisk.class, name = "closeRisk"),
        @JsonSubTypes.Type(value = CaptureBaseline.class, name = "captureBaseline"),
        @JsonSubTypes.Type(value = ApprovePlan.class, name = "approve"),
        @JsonSubTypes.Type(value = AchieveGoal.class, name = "achieve"),
        @JsonSubTypes.Type(value = AbandonPlan.class, name = "abandon")
})
public interface PlanChange {

    /** Why the change is made; required where the change alters or removes what the plan already holds. */
    Reason reason();

    /** The operation's name as clients send it in {@code op}, e.g. "approve" for {@link ApprovePlan}. */
    default String op() {
        for (JsonSubTypes.Type type : PlanChange.class.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == getClass()) {
                return type.name();
            }
        }
        throw new IllegalStateException(getClass().getName() + " is not registered as a PlanChange operation");
    }

    /** Whether the change may be one of a refinement's changes; lifecycle decisions stand on their own. */
    default boolean refinable() {
        return true;
    }
}
