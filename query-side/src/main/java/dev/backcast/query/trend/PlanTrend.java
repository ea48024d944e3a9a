package dev.backcast.query.trend;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The series behind a milestone trend analysis chart: per milestone and for the goal, the planned date at every
 * revision that changed it, and the forecast at the end of each interval from the plan's creation to today (or the
 * plan's end), computed as the plan stood then. A milestone's forecast line ends where it was reached.
 */
public record PlanTrend(UUID planId, String interval, LocalDate from, LocalDate to, List<Series> milestones,
                        Series goal) {

    /** @param planned for the goal, its target date */
    public record Series(UUID milestoneId, String name, LocalDate reachedOn, List<PlannedPoint> planned,
                         List<ForecastPoint> forecasts) {
    }

    public record PlannedPoint(long revision, LocalDate recordedOn, LocalDate date) {
    }

    public record ForecastPoint(LocalDate on, LocalDate forecast) {
    }
}
