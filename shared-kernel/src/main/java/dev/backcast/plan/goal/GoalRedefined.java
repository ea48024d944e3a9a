package dev.backcast.plan.goal;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** The text of the press release was rewritten; the target date is unchanged. */
public record GoalRedefined(UUID planId, String headline, String subheading, String customerProblem, String solution, String customerQuote, String leaderQuote, String callToAction, Reason reason) implements PlanEvent {
}
