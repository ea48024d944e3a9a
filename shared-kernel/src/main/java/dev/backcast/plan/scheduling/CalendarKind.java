package dev.backcast.plan.scheduling;

/** Which days count when dates are computed: every day, or Monday to Friday less the plan's holidays. */
public enum CalendarKind {
    CALENDAR_DAYS, WORKING_DAYS
}
