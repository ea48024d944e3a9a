package dev.backcast.plan.goal;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.time.LocalDate;

/** Replace the press release; a different target date also moves the target date. */
public record RedefineGoal(String headline, String subheading, String customerProblem, String solution, String customerQuote, String leaderQuote, String callToAction, LocalDate targetDate, Reason reason) implements PlanChange {
}
