package dev.backcast.query.timeline;

import dev.backcast.plan.ReasonCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Planned against actual, per milestone and for the goal. Slip is (reached, or forecast while not reached) minus the
 * due date it is measured against, in the plan's calendar's days; positive is later than planned. A milestone's first
 * planned due date is its due date when the plan was approved, or right after it was added if that was later; changes
 * before approval are drafting, not moves. Null where there is nothing to measure against.
 *
 * @param baseline the baseline named in the request, or null
 */
public record PlanTimeline(UUID planId, long revision, LocalDate asOf, String baseline, List<MilestoneLine> milestones,
                           GoalLine goal) {

    public record MilestoneLine(UUID milestoneId, String name, boolean removed, LocalDate firstPlannedDue,
                                Map<String, LocalDate> baselineDue, LocalDate currentDue, LocalDate forecast,
                                LocalDate reachedOn, Integer slipAgainstFirstPlan, Integer slipAgainstApproved,
                                Integer slipAgainstBaseline, int moveCount, List<Move> moves) {
    }

    /**
     * The target date and forecast goal date, measured the same way as a milestone.
     *
     * @param lateByDays how far the forecast (or achieved) goal date lies after the target, as in the plan view
     */
    public record GoalLine(LocalDate firstPlannedTargetDate, Map<String, LocalDate> baselineTargetDate,
                           LocalDate targetDate, LocalDate forecastGoalDate, int lateByDays, LocalDate achievedOn,
                           Integer slipAgainstFirstPlan, Integer slipAgainstApproved, Integer slipAgainstBaseline,
                           int moveCount, List<Move> moves) {
    }

    /** One revision that moved a date: new minus old is the size of the move. */
    public record Move(long revision, Instant recordedAt, String author, LocalDate from, LocalDate to, int days,
                       ReasonCategory reasonCategory, String reasonNote) {
    }
}
