package dev.backcast.plan;

import dev.backcast.plan.scheduling.CalendarKind;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The plan's title, portfolio or scheduling calendar changed; carries the complete new values. */
public record PlanDetailsChanged(UUID planId, String title, String portfolio, CalendarKind calendar, List<LocalDate> holidays, Reason reason) implements PlanEvent {
    public PlanDetailsChanged {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
