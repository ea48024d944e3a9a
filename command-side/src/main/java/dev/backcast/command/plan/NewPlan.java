package dev.backcast.command.plan;

import dev.backcast.plan.Goal;
import dev.backcast.plan.scheduling.CalendarKind;

import java.time.LocalDate;
import java.util.List;

/** The body of a request to create a plan; the server chooses the plan's id. */
public record NewPlan(String title, String portfolio, CalendarKind calendar, List<LocalDate> holidays, Goal goal) {
}
