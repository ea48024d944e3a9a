package dev.backcast.command.goal;

import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.MoveTargetDate;
import dev.backcast.plan.goal.RedefineGoal;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.milestones.Milestone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Decisions about the press release and its target date. */
public final class GoalDecisions {

    private GoalDecisions() {
    }

    /** Headline, customer problem, solution and target date are what make a press release. */
    public static void validGoal(String prefix, Goal goal) {
        Checks.requiredText(prefix + "headline", goal.headline(), Checks.TEXT_LIMIT);
        Checks.optionalText(prefix + "subheading", goal.subheading(), Checks.TEXT_LIMIT);
        Checks.requiredText(prefix + "customerProblem", goal.customerProblem(), Checks.TEXT_LIMIT);
        Checks.requiredText(prefix + "solution", goal.solution(), Checks.TEXT_LIMIT);
        Checks.optionalText(prefix + "customerQuote", goal.customerQuote(), Checks.TEXT_LIMIT);
        Checks.optionalText(prefix + "leaderQuote", goal.leaderQuote(), Checks.TEXT_LIMIT);
        Checks.optionalText(prefix + "callToAction", goal.callToAction(), Checks.TEXT_LIMIT);
        Checks.required(prefix + "targetDate", goal.targetDate());
    }

    public static List<PlanEvent> redefine(PlanState plan, RedefineGoal change) {
        Checks.requiredReason(change.reason());
        LocalDate targetDate = change.targetDate() == null ? plan.targetDate() : change.targetDate();
        Goal goal = new Goal(change.headline(), change.subheading(), change.customerProblem(), change.solution(),
                change.customerQuote(), change.leaderQuote(), change.callToAction(), targetDate);
        validGoal("", goal);
        List<PlanEvent> events = new ArrayList<>();
        if (!goal.equals(plan.goal().withTargetDate(targetDate))) {
            events.add(new GoalRedefined(plan.planId(), goal.headline(), goal.subheading(), goal.customerProblem(),
                    goal.solution(), goal.customerQuote(), goal.leaderQuote(), goal.callToAction(), change.reason()));
        }
        if (!targetDate.equals(plan.targetDate())) {
            events.addAll(moveTargetDate(plan, new MoveTargetDate(targetDate, change.reason())));
        }
        return events;
    }

    public static List<PlanEvent> moveTargetDate(PlanState plan, MoveTargetDate change) {
        Checks.requiredReason(change.reason());
        LocalDate targetDate = Checks.required("targetDate", change.targetDate());
        if (targetDate.equals(plan.targetDate())) {
            return List.of();
        }
        List<String> pinnedLater = plan.milestones().values().stream()
                .filter(m -> m.deadline() != null && m.deadline().isAfter(targetDate))
                .map(m -> "'" + m.name() + "' (" + m.deadline() + ")").toList();
        if (!pinnedLater.isEmpty()) {
            throw PlanRejection.ruleViolated("targetDate", "The target date " + targetDate
                    + " would fall before the pinned deadline of " + String.join(", ", pinnedLater)
                    + "; move or unpin those deadlines first");
        }
        return List.of(new TargetDateMoved(plan.planId(), targetDate, change.reason()));
    }

    /** Policy: a pinned deadline never lies after the target date. */
    public static void deadlineNotAfterTarget(String field, LocalDate deadline, PlanState plan, Milestone pinned) {
        if (deadline != null && deadline.isAfter(plan.targetDate())) {
            throw PlanRejection.ruleViolated(field, "The deadline " + deadline
                    + (pinned == null ? "" : " of '" + pinned.name() + "'") + " is after the target date "
                    + plan.targetDate() + "; a milestone must be reached by the day the press release is published");
        }
    }
}
