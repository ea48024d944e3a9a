package dev.backcast.plan;

import java.time.LocalDate;

/** The end goal written as a press release, dated on the day of success. */
public record Goal(String headline, String subheading, String customerProblem, String solution,
                   String customerQuote, String leaderQuote, String callToAction, LocalDate targetDate) {

    public Goal withTargetDate(LocalDate newTargetDate) {
        return new Goal(headline, subheading, customerProblem, solution, customerQuote, leaderQuote, callToAction,
                newTargetDate);
    }
}
