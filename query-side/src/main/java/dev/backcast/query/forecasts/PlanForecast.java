package dev.backcast.query.forecasts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan's calibrated forecast: P50, P80 and P95 goal dates from a simulation that draws each remaining milestone's
 * duration ratio from the organisation's own record. Without enough record, {@code calibrated} is false,
 * {@code notCalibratedBecause} says why, and no percentile is given.
 */
public record PlanForecast(UUID planId, long revision, LocalDate asOf, int runs, long seed, LocalDate targetDate,
                           LocalDate plainForecastGoalDate, boolean calibrated, String notCalibratedBecause,
                           Percentiles goal, Double probabilityOfMeetingTarget, List<MilestoneForecast> milestones,
                           ReferenceClassUsed referenceClass, List<HistogramBin> histogram) {

    public record Percentiles(LocalDate p50, LocalDate p80, LocalDate p95) {
    }

    /**
     * @param criticalityIndex  the share of runs in which the milestone was on the chain that set the goal date
     * @param probabilityOnTime the share of runs in which it was reached by its due date
     */
    public record MilestoneForecast(UUID milestoneId, String name, LocalDate due, LocalDate plainForecast,
                                    LocalDate reachedOn, Percentiles finish, double criticalityIndex,
                                    double probabilityOnTime) {
    }

    /**
     * @param portfolio        the portfolio the class was drawn from; null when it is the whole organisation
     * @param durationRatio    percentiles of actual days ÷ planned lead time over the class
     * @param movesByReason    due-date and target-date moves of the class's plans, by reason category
     */
    public record ReferenceClassUsed(int size, int minimumSize, String portfolio, LocalDate firstReached,
                                     LocalDate lastReached, RatioPercentiles durationRatio,
                                     Map<String, Long> movesByReason) {
    }

    public record RatioPercentiles(double p50, double p80, double p95) {
    }

    /** Runs whose goal date fell from {@code from} to {@code to}, both included. */
    public record HistogramBin(LocalDate from, LocalDate to, int runs, double cumulativeShare) {
    }
}
