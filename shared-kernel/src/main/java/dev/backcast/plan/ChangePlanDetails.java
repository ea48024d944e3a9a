package dev.backcast.plan;

import dev.backcast.plan.scheduling.CalendarKind;
import java.time.LocalDate;
import java.util.List;

/** Change title, portfolio or calendar; absent fields stay as they are. */
public record ChangePlanDetails(String title, String portfolio, CalendarKind calendar, List<LocalDate> holidays, Reason reason) implements PlanChange {
}
