package dev.backcast.plan.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Day arithmetic in a plan's calendar; with calendar days it is plain date arithmetic. */
public record SchedulingCalendar(CalendarKind kind, SortedSet<LocalDate> holidays) {

    public static SchedulingCalendar of(CalendarKind kind, Collection<LocalDate> holidays) {
        return new SchedulingCalendar(kind, holidays == null ? new TreeSet<>() : new TreeSet<>(holidays));
    }

    public SchedulingCalendar {
        kind = kind == null ? CalendarKind.CALENDAR_DAYS : kind;
        holidays = Collections.unmodifiableSortedSet(holidays == null ? new TreeSet<>() : new TreeSet<>(holidays));
    }

    public boolean workingDay(LocalDate day) {
        if (kind == CalendarKind.CALENDAR_DAYS) {
            return true;
        }
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The day itself if it is a working day, else the working day before it: where a due date lands. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate candidate = day;
        while (!workingDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    /** The day itself if it is a working day, else the working day after it: where work can start. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!workingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** Steps back {@code days} days of this calendar from a day that is first moved onto a working day. */
    public LocalDate minusDays(LocalDate day, int days) {
        if (kind == CalendarKind.CALENDAR_DAYS) {
            return day.minusDays(days);
        }
        LocalDate candidate = onOrBefore(day);
        for (int remaining = days; remaining > 0; remaining--) {
            candidate = onOrBefore(candidate.minusDays(1));
        }
        return candidate;
    }

    /**
     * Steps forward {@code days} days of this calendar: the {@code days}-th working day after {@code day}, so that
     * {@code daysBetween(day, plusDays(day, days)) == days} from any day, working or not (work done after a Saturday
     * ends where work done after the Friday before ends). Zero days is the day itself, moved onto a working day.
     */
    public LocalDate plusDays(LocalDate day, int days) {
        if (kind == CalendarKind.CALENDAR_DAYS) {
            return day.plusDays(days);
        }
        if (days == 0) {
            return onOrAfter(day);
        }
        LocalDate candidate = day;
        for (int remaining = days; remaining > 0; remaining--) {
            candidate = onOrAfter(candidate.plusDays(1));
        }
        return candidate;
    }

    /** Days of this calendar from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public int daysBetween(LocalDate from, LocalDate to) {
        if (kind == CalendarKind.CALENDAR_DAYS) {
            return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
        }
        if (to.isBefore(from)) {
            return -daysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (workingDay(day.plusDays(1))) {
                count++;
            }
        }
        return count;
    }
}
