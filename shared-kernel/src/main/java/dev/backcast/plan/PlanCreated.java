package dev.backcast.plan;

import dev.backcast.plan.scheduling.CalendarKind;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan was started with its press release: revision 1. */
public record PlanCreated(UUID planId, String title, String portfolio, CalendarKind calendar, List<LocalDate> holidays, Goal goal) implements PlanEvent {
    /** Creating a plan needs no reason: nothing existed to change. */
    @Override
    public Reason reason() {
        return null;
    }

    public PlanCreated {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
