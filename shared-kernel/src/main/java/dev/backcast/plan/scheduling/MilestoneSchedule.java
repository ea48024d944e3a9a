package dev.backcast.plan.scheduling;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The dates of one milestone: due (late finish), start-by (late start), forecast and slack in the plan's calendar's
 * days, with its steps from last to first.
 *
 * @param leadTimeDays the lead time the schedule used: the milestone's own, or its longest chain of steps if longer
 * @param remainingDays the lead time still ahead, after the share of its steps already done
 */
public record MilestoneSchedule(UUID milestoneId, LocalDate due, LocalDate startBy, int leadTimeDays,
                                int remainingDays, LocalDate forecast, int slackDays, boolean critical,
                                Map<UUID, StepSchedule> steps) {

    public int lateByDays() {
        return Math.max(0, -slackDays);
    }
}
