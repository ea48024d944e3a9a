package dev.backcast.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcast.plan.PlanChange;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Turns a write request's JSON into the {@link PlanChange} it asks for: the operation comes from the endpoint (or the
 * refinement entry's {@code op}), ids in the path win over the body, and new elements get an id when none is given.
 */
@Component
public class ChangeRequests {

    /** The id field each adding operation fills in when the client does not choose the id itself. */
    public static final Map<String, String> NEW_ELEMENT_ID_FIELDS = Map.of(
            "defineMetric", "metricId",
            "addMilestone", "milestoneId",
            "addStep", "stepId",
            "raiseQuestion", "questionId",
            "identifyRisk", "riskId");

    private final ObjectMapper json;

    public ChangeRequests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param fieldPrefix where the body sits in the request, for error messages ("" or "changes[2].")
     */
    public PlanChange toChange(String op, JsonNode body, Map<String, UUID> pathIds, String fieldPrefix) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new InvalidRequest(fieldPrefix.isEmpty() ? null : fieldPrefix.substring(0, fieldPrefix.length() - 1),
                    "Expected a JSON object");
        }
        ObjectNode node = body == null || body.isNull() ? json.createObjectNode() : ((ObjectNode) body).deepCopy();
        if (op != null) {
            node.put("op", op);
        }
        if (!node.hasNonNull("op")) {
            throw new InvalidRequest(fieldPrefix + "op", fieldPrefix + "op is required: name the operation, e.g. \"addMilestone\"");
        }
        pathIds.forEach((field, id) -> node.put(field, id.toString()));
        String idField = NEW_ELEMENT_ID_FIELDS.get(node.get("op").asText());
        if (idField != null && !node.hasNonNull(idField)) {
            node.put(idField, UUID.randomUUID().toString());
        }
        try {
            return json.treeToValue(node, PlanChange.class);
        } catch (JsonProcessingException e) {
            throw invalid(e, fieldPrefix);
        }
    }

    /** The id an adding change carries in {@code idField}, e.g. the milestoneId of an addMilestone. */
    public UUID idOf(PlanChange change, String idField) {
        return UUID.fromString(json.valueToTree(change).get(idField).asText());
    }

    public <T> T read(JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(body == null || body.isNull() ? json.createObjectNode() : body, type);
        } catch (JsonProcessingException e) {
            throw invalid(e, "");
        }
    }

    /** Names the offending field and says what was wrong with it, in terms a client can act on. */
    public static InvalidRequest invalid(JsonProcessingException e, String fieldPrefix) {
        String field = e instanceof JsonMappingException mapping ? fieldPrefix + path(mapping) : null;
        if (field != null && field.isEmpty()) {
            field = null;
        }
        String where = field == null ? "The request" : field;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidRequest(field, "Unknown field '" + field + "'; known fields are "
                    + unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return new InvalidRequest(fieldPrefix + "op", "Unknown operation '" + typeId.getTypeId() + "'");
        }
        if (e instanceof InvalidFormatException format) {
            return new InvalidRequest(field, where + " has the value " + format.getValue() + ", which is not "
                    + expected(format.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return new InvalidRequest(field, where + ": " + instantiation.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InvalidRequest(field, where + " must be " + expected(mismatch.getTargetType()));
        }
        return new InvalidRequest(field, where + " could not be read: " + e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** What a value of {@code type} looks like, for messages: "a date written YYYY-MM-DD". */
    public static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date written YYYY-MM-DD";
            case "Instant" -> "an instant written with its offset, e.g. 2027-03-01T12:00:00Z";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "List" -> "a list";
            default -> "a " + type.getSimpleName();
        };
    }
}
