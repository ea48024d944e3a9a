package dev.backcast.command.refinements;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * The body of a refinement: a message, the questions it answers, and the changes, each shaped like the body of its
 * single-change request plus {@code op} and the id of what it changes.
 */
public record RefinementRequest(String message, List<UUID> answers, List<JsonNode> changes) {
}
