package dev.backcast.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.command.web.idempotency.IdempotencyInterceptor;
import dev.backcast.command.web.idempotency.IdempotencyKeyReused;
import dev.backcast.command.web.idempotency.IdempotencyStore;
import dev.backcast.command.web.idempotency.StoredResponse;
import dev.backcast.plan.ChangePlan;
import dev.backcast.plan.PlanChange;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the write API sends a command: it names the author, honours {@code If-Match} and
 * {@code Idempotency-Key}, retries appends that lost a race on the same plan, and answers with the new revision.
 */
@Component
public class PlanWrites {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int ATTEMPTS_ON_RACE = 10;
    private static final Pattern REVISION = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    private final CommandGateway commands;
    private final ChangeRequests changeRequests;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public PlanWrites(CommandGateway commands, ChangeRequests changeRequests, IdempotencyStore idempotency,
                      ObjectMapper json) {
        this.commands = commands;
        this.changeRequests = changeRequests;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * What a write sends and how its answer looks before the revision is known.
     *
     * @param createdRevision the revision a command that creates the plan leaves it at (its handler answers with
     *                        the plan's id, not a revision)
     */
    public record Write(UUID planId, Function<Long, Object> command, HttpStatus status, URI location,
                        Map<String, Object> answer, long createdRevision) {

        public Write(UUID planId, Function<Long, Object> command, HttpStatus status, URI location,
                     Map<String, Object> answer) {
            this(planId, command, status, location, answer, 1L);
        }
    }

    /** Applies one change to a plan, e.g. {@code change(request, planId, "addMilestone", body, Map.of())}. */
    public ResponseEntity<Map<String, Object>> change(HttpServletRequest request, UUID planId, String op,
                                                      JsonNode body, Map<String, UUID> pathIds) {
        PlanChange change = changeRequests.toChange(op, body, pathIds, "");
        Map<String, Object> answer = answer(planId);
        String idField = ChangeRequests.NEW_ELEMENT_ID_FIELDS.get(op);
        URI location = null;
        if (idField != null) {
            UUID newId = changeRequests.idOf(change, idField);
            answer.put(idField, newId);
            location = URI.create(request.getRequestURI() + "/" + newId);
        }
        HttpStatus status = idField == null ? HttpStatus.OK : HttpStatus.CREATED;
        return send(request, body, new Write(planId, expected -> new ChangePlan(planId, expected, change), status,
                location, answer));
    }

    public static Map<String, Object> answer(UUID planId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("planId", planId);
        return answer;
    }

    /**
     * The answer already given to this request's {@code Idempotency-Key}, when there is one: for writes that check
     * more than the command does before sending it, so a retry gets the first answer instead of a refusal.
     */
    public Optional<ResponseEntity<Map<String, Object>>> storedAnswer(HttpServletRequest request, JsonNode body) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return replay(author(), key, requestHash(request, body));
    }

    public ResponseEntity<Map<String, Object>> send(HttpServletRequest request, JsonNode body, Write write) {
        Long expectedVersion = expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        String author = author();
        String key = request.getHeader(IDEMPOTENCY_KEY);
        String requestHash = null;
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("author", author);
        metaData.put("correlationId", correlationId(request));
        if (key != null) {
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new InvalidRequest(IDEMPOTENCY_KEY, "The Idempotency-Key header must have 1 to "
                        + MAX_KEY_LENGTH + " characters");
            }
            requestHash = requestHash(request, body);
            Optional<ResponseEntity<Map<String, Object>>> replay = replay(author, key, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
            metaData.put(IdempotencyInterceptor.KEY, key);
            metaData.put(IdempotencyInterceptor.REQUEST_HASH, requestHash);
            metaData.put(IdempotencyInterceptor.STATUS, String.valueOf(write.status().value()));
            metaData.put(IdempotencyInterceptor.CREATED_REVISION, String.valueOf(write.createdRevision()));
            metaData.put(IdempotencyInterceptor.PLAN_ID, write.planId().toString());
            metaData.put(IdempotencyInterceptor.RESPONSE, toJson(write.answer()));
            if (write.location() != null) {
                metaData.put(IdempotencyInterceptor.LOCATION, write.location().toString());
            }
        }
        Object command = write.command().apply(expectedVersion);
        Object result;
        try {
            result = dispatchRetryingRaces(command, MetaData.from(metaData));
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return replay(author, key, requestHash).orElseThrow(() -> sameKeyAtOnce);
        }
        long revision = result instanceof Long changed ? changed : write.createdRevision();
        Map<String, Object> answer = new LinkedHashMap<>(write.answer());
        answer.put("revision", revision);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(write.status()).eTag(etag(revision))
                .contentType(MediaType.APPLICATION_JSON);
        if (write.location() != null) {
            response.location(write.location());
        }
        return response.body(answer);
    }

    /**
     * Two writers without {@code If-Match} may load the same revision of a plan; the event store's unique
     * (plan, revision) constraint lets only one append, and the other is decided again on the new revision.
     */
    private Object dispatchRetryingRaces(Object command, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (ConcurrencyException race) {
                if (attempt == ATTEMPTS_ON_RACE) {
                    throw race;
                }
            }
        }
    }

    private Optional<ResponseEntity<Map<String, Object>>> replay(String author, String key, String requestHash) {
        return idempotency.find(author, key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReused(key);
            }
            return replayed(stored);
        });
    }

    private ResponseEntity<Map<String, Object>> replayed(StoredResponse stored) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status()).eTag(etag(stored.revision()))
                .contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.readValue(stored.body(), LinkedHashMap.class);
            return response.body(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored idempotent response is not JSON", e);
        }
    }

    /** The Axon aggregate version the client's {@code If-Match} revision corresponds to, or null without one. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = REVISION.matcher(ifMatch);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new InvalidRequest(HttpHeaders.IF_MATCH, "If-Match must be a plan revision as given in the ETag, "
                    + "e.g. \"7\"; it was " + ifMatch);
        }
        return Long.parseLong(matcher.group(1)) - 1;
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    private static String author() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new IllegalStateException("Writes need an authenticated user");
        }
        return authentication.getName();
    }

    private static String correlationId(HttpServletRequest request) {
        String given = request.getHeader(CORRELATION_ID);
        return given != null && given.matches("[A-Za-z0-9._:-]{1,100}") ? given : UUID.randomUUID().toString();
    }

    private String requestHash(HttpServletRequest request, JsonNode body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
                    + request.getHeader(HttpHeaders.IF_MATCH) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(toJson(body == null ? json.nullNode() : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }
}
