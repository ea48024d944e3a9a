package dev.backcast.plan;

import dev.backcast.plan.baselines.Baseline;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Start a plan from a schedule kept in another tool: the plan is created and the schedule's milestones, progress and
 * baselines are recorded with it as one change set, or nothing is recorded.
 *
 * @param changes   the refinement that lays out the schedule, decided as {@link RefinePlan}'s changes are
 * @param baselines the schedule's own frozen copies, by name, with the due dates they give each new milestone
 */
public record ImportPlan(@TargetAggregateIdentifier UUID planId, CreatePlan plan, UUID changeSetId, String message,
                         List<PlanChange> changes, List<Baseline> baselines, Reason reason) {

    public ImportPlan {
        changes = changes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(changes));
        baselines = baselines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(baselines));
    }
}
