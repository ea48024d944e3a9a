package dev.backcast.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A DELETE may carry its reason as a JSON body or, for clients that cannot send one, as query parameters. */
public final class DeleteReasons {

    private DeleteReasons() {
    }

    public static JsonNode withReason(JsonNode body, String category, String note) {
        if (category == null && note == null) {
            return body;
        }
        if (body != null && body.has("reason")) {
            throw new InvalidRequest("reason", "Give the reason either in the body or as ?category=&note=, not both");
        }
        ObjectNode withReason = body instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode reason = withReason.putObject("reason");
        reason.put("category", category);
        reason.put("note", note);
        return withReason;
    }
}
