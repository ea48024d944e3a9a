package dev.backcast.command.plan;

import dev.backcast.command.goal.GoalDecisions;
import dev.backcast.plan.AbandonPlan;
import dev.backcast.plan.AchieveGoal;
import dev.backcast.plan.ApprovePlan;
import dev.backcast.plan.ChangePlanDetails;
import dev.backcast.plan.CreatePlan;
import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanDetailsChanged;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Decisions about the plan as a whole: creating it, its details, approval, achievement and abandonment. */
public final class PlanLifecycle {

    /** The baseline every approval captures, so slip can always be measured against what was agreed. */
    public static final String APPROVED_BASELINE = "approved";

    private PlanLifecycle() {
    }

    public static PlanCreated create(CreatePlan command) {
        Checks.required("planId", command.planId());
        Checks.requiredText("title", command.title(), Checks.TITLE_LIMIT);
        Checks.optionalText("portfolio", command.portfolio(), Checks.NAME_LIMIT);
        Checks.required("goal", command.goal());
        GoalDecisions.validGoal("goal.", command.goal());
        CalendarKind calendar = command.calendar() == null ? CalendarKind.CALENDAR_DAYS : command.calendar();
        return new PlanCreated(command.planId(), command.title().strip(), command.portfolio(), calendar,
                sortedHolidays(command.holidays()), command.goal());
    }

    public static List<PlanEvent> changeDetails(PlanState plan, ChangePlanDetails change) {
        Checks.requiredReason(change.reason());
        String title = change.title() == null ? plan.title()
                : Checks.requiredText("title", change.title(), Checks.TITLE_LIMIT).strip();
        String portfolio = change.portfolio() == null ? plan.portfolio()
                : Checks.optionalText("portfolio", change.portfolio(), Checks.NAME_LIMIT);
        CalendarKind calendar = change.calendar() == null ? plan.calendar().kind() : change.calendar();
        List<LocalDate> holidays = change.holidays() == null ? List.copyOf(plan.calendar().holidays())
                : sortedHolidays(change.holidays());
        boolean unchanged = Objects.equals(title, plan.title()) && Objects.equals(portfolio, plan.portfolio())
                && calendar == plan.calendar().kind() && holidays.equals(List.copyOf(plan.calendar().holidays()));
        return unchanged ? List.of()
                : List.of(new PlanDetailsChanged(plan.planId(), title, portfolio, calendar, holidays, change.reason()));
    }

    public static List<PlanEvent> approve(PlanState plan, ApprovePlan change, LocalDate today) {
        Checks.validReason(change.reason());
        if (plan.status() != PlanStatus.DRAFT) {
            throw PlanRejection.wrongStatus("The plan is already " + plan.status() + "; only a DRAFT can be approved");
        }
        if (plan.metrics().isEmpty() || plan.milestones().isEmpty()) {
            throw PlanRejection.ruleViolated(null, "A plan needs at least one success metric and one milestone "
                    + "before it can be approved; it has " + plan.metrics().size() + " metric(s) and "
                    + plan.milestones().size() + " milestone(s)");
        }
        return List.of(new PlanApproved(plan.planId(), change.reason()),
                new BaselineCaptured(plan.planId(), APPROVED_BASELINE, plan.targetDate(),
                        BackwardScheduler.schedule(plan, today).dueDates(), change.reason()));
    }

    public static List<PlanEvent> achieve(PlanState plan, AchieveGoal change, LocalDate today) {
        Checks.validReason(change.reason());
        Checks.notInFuture("on", change.on(), today);
        if (plan.status() != PlanStatus.ACTIVE) {
            throw PlanRejection.wrongStatus("The plan is " + plan.status()
                    + "; approve it before recording that its goal was achieved");
        }
        return List.of(new GoalAchieved(plan.planId(), change.on(), change.reason()));
    }

    public static List<PlanEvent> abandon(PlanState plan, AbandonPlan change) {
        Checks.requiredReason(change.reason());
        return List.of(new PlanAbandoned(plan.planId(), change.reason()));
    }

    private static List<LocalDate> sortedHolidays(List<LocalDate> holidays) {
        if (holidays == null) {
            return List.of();
        }
        // not holidays.contains(null): immutable lists such as List.of(...) throw on a null argument
        if (holidays.stream().anyMatch(Objects::isNull)) {
            throw PlanRejection.invalid("holidays", "holidays must be dates (YYYY-MM-DD), not null");
        }
        return List.copyOf(new TreeSet<>(holidays));
    }
}
