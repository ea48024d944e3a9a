package dev.backcast.plan;

import dev.backcast.plan.scheduling.CalendarKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Start a plan from its press release. */
public record CreatePlan(@TargetAggregateIdentifier UUID planId, String title, String portfolio,
                         CalendarKind calendar, List<LocalDate> holidays, Goal goal) {
}
