package dev.backcast.plan.forecasting;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * What many runs of a plan's forward pass gave.
 *
 * @param plainForecastGoalDate the forecast when every remaining lead time holds, for comparison
 * @param goal                  the goal date's percentiles: the latest finish of the milestones nothing depends on
 * @param goalDates             how many runs ended on each goal date
 */
public record SimulatedForecast(LocalDate asOf, int runs, long seed, LocalDate targetDate,
                                LocalDate plainForecastGoalDate, Percentiles goal,
                                double probabilityOfMeetingTarget, Map<UUID, MilestoneOutlook> milestones,
                                SortedMap<LocalDate, Integer> goalDates) {

    /** Dates at or before which 50, 80 and 95 % of the runs ended. */
    public record Percentiles(LocalDate p50, LocalDate p80, LocalDate p95) {
    }

    /**
     * @param criticalityIndex  the share of runs in which the milestone was on the chain that set the goal date
     * @param probabilityOnTime the share of runs in which it finished on or before its due date
     */
    public record MilestoneOutlook(UUID milestoneId, LocalDate due, LocalDate plainForecast, Percentiles finish,
                                   double criticalityIndex, double probabilityOnTime) {
    }
}
