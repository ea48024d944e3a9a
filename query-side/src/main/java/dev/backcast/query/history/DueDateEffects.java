package dev.backcast.query.history;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * What one revision did to the plan's dates, computed by the same backward scheduler that shows them.
 *
 * @param moved             the milestones present before and after whose due date changed, from the goal backward
 *                          (latest due first); a milestone added or removed has no earlier or later date to move
 *                          from or to, so it is not a move
 * @param mustStartByBefore the day the plan had to start by before, or null where it had no milestones or did not
 *                          exist yet
 * @param mustStartByAfter  the day it has to start by after, or null without milestones
 */
public record DueDateEffects(List<MovedDueDate> moved, LocalDate mustStartByBefore, LocalDate mustStartByAfter) {

    public DueDateEffects {
        moved = List.copyOf(moved);
    }

    /**
     * @param asOf the day the forecast is computed for; due dates do not depend on it
     */
    public static DueDateEffects between(PlanState before, PlanState after, LocalDate asOf) {
        return between(before.exists() ? BackwardScheduler.schedule(before, asOf) : null, after,
                BackwardScheduler.schedule(after, asOf));
    }

    /**
     * @param scheduleBefore the plan before, scheduled; null where it did not exist yet
     * @param after          the plan after, whose {@code scheduleAfter} is
     */
    public static DueDateEffects between(Schedule scheduleBefore, PlanState after, Schedule scheduleAfter) {
        if (scheduleBefore == null) {
            return new DueDateEffects(List.of(), null, scheduleAfter.mustStartBy());
        }
        List<MovedDueDate> moved = scheduleAfter.milestones().values().stream()
                .filter(now -> scheduleBefore.milestones().containsKey(now.milestoneId()))
                .filter(now -> !scheduleBefore.milestones().get(now.milestoneId()).due().equals(now.due()))
                .map(now -> movedDueDate(after, scheduleBefore.milestones().get(now.milestoneId()), now))
                .toList();
        return new DueDateEffects(moved, scheduleBefore.mustStartBy(), scheduleAfter.mustStartBy());
    }

    private static MovedDueDate movedDueDate(PlanState after, MilestoneSchedule was, MilestoneSchedule is) {
        return new MovedDueDate(is.milestoneId(), after.milestones().get(is.milestoneId()).name(), was.due(),
                is.due());
    }
}
