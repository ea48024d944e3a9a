package dev.backcast.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.UUID;

/**
 * Apply several changes as one atomic change set with one message; all are recorded or none.
 *
 * @param answers questions this refinement answers; each is recorded as answered by the change set
 */
public record RefinePlan(@TargetAggregateIdentifier UUID planId, @TargetAggregateVersion Long expectedVersion,
                         UUID changeSetId, String message, List<UUID> answers, List<PlanChange> changes) {

    public RefinePlan {
        answers = answers == null ? List.of() : List.copyOf(answers);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
