package dev.backcast.query.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of plan summaries, with how many match in all.
 *
 * @param figuresAsOf the day the forecasts and days late of the open plans listed are as of: today, or for a few
 *                    minutes after midnight the day before, until the daily refresh has reached them; null when no
 *                    open plan matches
 */
public record PlanPage(List<PlanSummary> items, int page, int size, long total, LocalDate figuresAsOf) {
}
