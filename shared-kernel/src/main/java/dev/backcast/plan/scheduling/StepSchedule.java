package dev.backcast.plan.scheduling;

import java.time.LocalDate;
import java.util.UUID;

/** When an action step must be done and started so that its milestone is reached on time. */
public record StepSchedule(UUID stepId, LocalDate due, LocalDate startBy) {
}
