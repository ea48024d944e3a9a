package dev.backcast.plan.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reverse plan computed from a plan state as of a day: milestones from the goal backward (latest due first).
 *
 * @param mustStartBy      the earliest start-by date, or null without milestones
 * @param forecastGoalDate the latest forecast among milestones nothing depends on, or null without milestones
 * @param goalSlackDays    target date minus forecast goal date, in the plan's calendar's days; null without milestones
 * @param criticalPath     the chain of least slack, from the goal backward, among milestones not yet reached
 */
public record Schedule(LocalDate asOf, LocalDate targetDate, LocalDate mustStartBy, LocalDate forecastGoalDate,
                       Integer goalSlackDays, Map<UUID, MilestoneSchedule> milestones, List<UUID> criticalPath) {

    public Map<UUID, LocalDate> dueDates() {
        Map<UUID, LocalDate> dueDates = new java.util.LinkedHashMap<>();
        milestones.forEach((id, milestone) -> dueDates.put(id, milestone.due()));
        return dueDates;
    }
}
