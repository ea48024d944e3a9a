package dev.backcast.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.plan.Reason;

import java.time.Instant;
import java.util.UUID;

/**
 * One revision of a plan as an auditor reads it.
 *
 * @param changes        the structured changes: a list of {path, before, after}
 * @param dueDateEffects which milestones' due dates moved, from and to, and the plan's must-start-by before and after
 */
public record RevisionEntry(long revision, Instant recordedAt, String author, String correlationId,
                            UUID changeSetId, String changeSetMessage, String eventType, String summary,
                            Reason reason, JsonNode changes, JsonNode dueDateEffects) {
}
