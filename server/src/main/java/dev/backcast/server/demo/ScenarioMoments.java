package dev.backcast.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When each decision of a scenario is recorded: on its scenario day, in the order the scenario lists it, never after
 * now. A day's decisions are a minute apart from 09:00; a day too short for that (today, early in the morning) shares
 * the part of it that has passed evenly among them.
 */
final class ScenarioMoments {

    private static final Duration WORKDAY_START = Duration.ofHours(9);
    private static final Duration APART = Duration.ofMinutes(1);

    private ScenarioMoments() {
    }

    /**
     * @param days     each decision's scenario day, in the scenario's order
     * @param dayZero  the day the scenario starts
     * @param now      the present; the last scenario day may be today, never later
     * @throws IllegalArgumentException for a day before day 0, after today, or earlier than the decision before it
     */
    static List<Instant> of(List<Integer> days, LocalDate dayZero, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Instant> moments = new ArrayList<>(days.size());
        int first = 0;
        while (first < days.size()) {
            int day = days.get(first);
            int end = first;
            while (end < days.size() && days.get(end) == day) {
                end++;
            }
            LocalDate date = dayZero.plusDays(day);
            if (day < 0 || date.isAfter(today)) {
                throw new IllegalArgumentException("decision " + (first + 1) + " is on day " + day + ", which is "
                        + (day < 0 ? "before day 0" : "after today (day " + (today.toEpochDay() - dayZero.toEpochDay()) + ")"));
            }
            if (end < days.size() && days.get(end) < day) {
                throw new IllegalArgumentException("decision " + (end + 1) + " is on day " + days.get(end)
                        + ", before the decision listed ahead of it (day " + day + ")");
            }
            moments.addAll(onOneDay(end - first, date, zone, now));
            first = end;
        }
        return moments;
    }

    private static List<Instant> onOneDay(int count, LocalDate date, ZoneId zone, Instant now) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant nextDay = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant end = now.isBefore(nextDay) ? now : nextDay;
        Instant firstAt = start.plus(WORKDAY_START);
        List<Instant> moments = new ArrayList<>(count);
        if (firstAt.plus(APART.multipliedBy(count - 1L)).isBefore(end)) {
            for (int i = 0; i < count; i++) {
                moments.add(firstAt.plus(APART.multipliedBy(i)));
            }
            return moments;
        }
        Duration share = Duration.between(start, end).dividedBy(count + 1L);
        for (int i = 1; i <= count; i++) {
            moments.add(start.plus(share.multipliedBy(i)));
        }
        return moments;
    }
}
