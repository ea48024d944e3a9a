package dev.backcast.plan.goal;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.time.LocalDate;

/** Move the day the press release would be published. */
public record MoveTargetDate(LocalDate targetDate, Reason reason) implements PlanChange {
}
