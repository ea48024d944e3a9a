package dev.backcast.query.plans;

import java.util.List;

/** A page of plan summaries, with how many match in all. */
public record PlanPage(List<PlanSummary> items, int page, int size, long total) {
}
