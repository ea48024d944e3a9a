package dev.backcast.query.portfolio;

import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.query.retrospective.Retrospective;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PMO's view across plans, reproducible from their histories. Slip is measured against the approved baseline:
 * (reached, or forecast) minus the approved due date, in each plan's calendar days. With a period, on-time counts the
 * milestones reached in it, slip the milestones whose outcome (reached or forecast) falls in it, and moves those
 * recorded in it.
 *
 * @param onTimeRate reached on or before the approved due date, out of those reached; null when none was reached
 * @param slip       over milestones in the approved baseline; the median of an even count is the mean of the middle
 *                   two, the 90th percentile is the nearest rank
 * @param plansAtRisk the plans forecast to miss their target; {@code atRisk} names the latest few, the latest first
 * @param plansCalibrated the open plans with a calibrated forecast: the others have too little history to rank
 * @param plansLikelyToMiss the open plans whose calibrated forecast gives them some chance of missing their target;
 *                   {@code likelyToMiss} names the likeliest few, the likeliest first
 * @param plansWithTargetDateMoves the plans whose target date moved; {@code targetDateMoves} names the most moved
 * @param rows       one page of the plan table, {@code size} plans from {@code page} (counting from 0) of {@code plans}
 */
public record PortfolioRollUp(String portfolio, LocalDate from, LocalDate to, int plans,
                              Map<PlanStatus, Long> countsByStatus, long plansAtRisk, List<PlanAtRisk> atRisk,
                              long plansCalibrated, long plansLikelyToMiss, List<PlanLikelyToMiss> likelyToMiss,
                              long milestonesReached, long milestonesReachedOnTime, Double onTimeRate, Slip slip,
                              Map<ReasonCategory, Retrospective.Moves> dueDateMovesByReason,
                              long plansWithTargetDateMoves, List<TargetDateMoves> targetDateMoves,
                              List<PlanSlip> mostSlipped, List<PlanRow> rows,
                              int page, int size) {

    public record PlanAtRisk(UUID planId, String title, int lateByDays) {
    }

    /**
     * @param probabilityOfMissing the share of simulation runs whose goal date fell after the target date
     * @param p80                  the calibrated P80 goal date
     * @param asOf                 the day the forecast was made as of
     */
    public record PlanLikelyToMiss(UUID planId, String title, double probabilityOfMissing, LocalDate targetDate,
                                   LocalDate p80, LocalDate asOf) {
    }

    public record Slip(int milestones, Double meanDays, Double medianDays, Integer p90Days) {
    }

    public record TargetDateMoves(UUID planId, String title, long moves, long days) {
    }

    /** @param slipDays the forecast (or achieved) goal date against the first planned target date */
    public record PlanSlip(UUID planId, String title, int slipDays) {
    }

    public record PlanRow(UUID planId, String title, String portfolio, PlanStatus status, LocalDate targetDate,
                          LocalDate forecastGoalDate, int lateByDays, Integer goalSlipDays, long milestonesReached,
                          long milestonesReachedOnTime, long dueDateMoves, long targetDateMoves) {
    }
}
