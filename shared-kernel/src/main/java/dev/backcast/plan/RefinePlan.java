package dev.backcast.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Apply several changes as one atomic change set with one message; all are recorded or none.
 *
 * @param answers questions this refinement answers; each is recorded as answered by the change set
 *                (nulls are kept, so the decision can refuse them by name)
 */
public record RefinePlan(@TargetAggregateIdentifier UUID planId, @TargetAggregateVersion Long expectedVersion,
                         UUID changeSetId, String message, List<UUID> answers, List<PlanChange> changes) {

    public RefinePlan {
        answers = answers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(answers));
        changes = changes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(changes));
    }
}
