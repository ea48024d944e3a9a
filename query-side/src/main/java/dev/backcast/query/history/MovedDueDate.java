package dev.backcast.query.history;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone whose due date an event moved, named as it is after the event. */
public record MovedDueDate(UUID milestoneId, String milestoneName, LocalDate from, LocalDate to) {
}
