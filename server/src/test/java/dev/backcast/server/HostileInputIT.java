package dev.backcast.server;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.PlanChange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static dev.backcast.server.PlanRequests.createPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of malformed, oversized, wrongly typed, wrongly addressed and injection-shaped requests, generated from
 * the OpenAPI document with a fixed seed, sent to every operation as each kind of caller: every answer is a 4xx with
 * a problem that says what is wrong, never a 5xx, and the event store and the read models are unchanged afterwards.
 */
@BackcastIntegrationTest
class HostileInputIT {

    private static final long SEED = 20_261_123L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> CALLERS = Map.of("viewer", "viewer", "planner", "planner",
            "admin", "admin", "auditor", "auditor");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** One generated request: what it is, for the report when its answer is wrong. */
    private record Hostile(String kind, String method, String path, String contentType, byte[] body,
                           String[] headers) {
    }

    @Test
    void everyHostileRequestGetsAProblemAndChangesNothing() throws Exception {
        String planId = createPlan(new Api(port, "planner"), "Under attack");
        awaitCaughtUp();
        String before = fingerprint();
        Random random = new Random(SEED);
        JsonNode operations = new Api(port, null).get("/v3/api-docs").json().get("paths");
        List<Hostile> requests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = operations.fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = methods.next();
                requests.addAll(hostile(random, operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                        path.getValue(), planId));
            }
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Hostile request : requests) {
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                HttpResponse<String> response;
                try {
                    response = send(request, caller.getKey(), caller.getValue());
                } catch (IOException noAnswer) {
                    wrong.add(request.kind() + ": " + request.method() + " " + request.path() + " as "
                            + caller.getKey() + " got no answer: " + noAnswer.getMessage());
                    continue;
                }
                sent++;
                statuses.merge(response.statusCode(), 1, Integer::sum);
                String problem = problemOf(response);
                if (response.statusCode() < 400 || response.statusCode() >= 500 || problem == null) {
                    wrong.add(request.kind() + ": " + request.method() + " " + request.path() + " as "
                            + caller.getKey() + " answered " + response.statusCode() + " "
                            + abbreviated(response.body()));
                }
            }
        }
        System.out.printf("Hostile input: %d requests (%d generated × %d callers, seed %d), answers by status %s%n",
                sent, requests.size(), CALLERS.size(), SEED, statuses);
        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(wrong).isEmpty();
        awaitCaughtUp();
        assertThat(fingerprint()).as("the event store and the read models").isEqualTo(before);
    }

    /**
     * Every date field of every operation in the OpenAPI document, in a body of its own and in a refinement's change,
     * and every date query parameter, given each shape that is not a date: a 400 naming that field, nothing recorded.
     */
    @Test
    void everyDateTakesOnlyItsOneWrittenForm() throws Exception {
        String planId = createPlan(new Api(port, "planner"), "Dates in every shape");
        awaitCaughtUp();
        String before = fingerprint();
        JsonNode document = new Api(port, null).get("/v3/api-docs").json();
        JsonNode schemas = document.get("components").get("schemas");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String target = path.getKey().replace("{planId}", planId).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = methods.next();
                String method = operation.getKey().toUpperCase();
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                for (Map.Entry<String, String> field : dateFields(schemas, body, "").entrySet()) {
                    for (String shape : NOT_A.get(field.getValue())) {
                        checked++;
                        checkRefused(method, target, placed(field.getKey(), shape), field.getKey().replace("[]", "[0]"),
                                wrong);
                    }
                }
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String format = parameter.path("schema").path("format").asText();
                    if (parameter.path("in").asText().equals("query") && NOT_A.containsKey(format)) {
                        for (String shape : NOT_A.get(format)) {
                            checked++;
                            String value = JSON.readTree(shape).isTextual() ? JSON.readTree(shape).asText() : shape;
                            checkRefused(method, target + "?" + parameter.get("name").asText() + "="
                                    + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8), null,
                                    parameter.get("name").asText(), wrong);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, Class<?>> change : refinementChanges().entrySet()) {
            for (Map.Entry<String, String> field : dateComponents(change.getValue(), "").entrySet()) {
                for (String shape : NOT_A.get(field.getValue())) {
                    checked++;
                    String body = "{\"message\": \"dates\", \"changes\": [" + placed(field.getKey(), shape)
                            .replaceFirst("^\\{", "{\"op\": \"" + change.getKey() + "\", ") + "]}";
                    checkRefused("POST", "/api/plans/" + planId + "/refinements", body,
                            "changes[0]." + field.getKey().replace("[]", "[0]"), wrong);
                }
            }
        }
        System.out.printf("Dates in every shape: %d requests%n", checked);
        assertThat(checked).isGreaterThanOrEqualTo(150);
        assertThat(wrong).isEmpty();
        awaitCaughtUp();
        assertThat(fingerprint()).as("the event store and the read models").isEqualTo(before);
    }

    /** JSON values that are not a date, or not an instant. */
    private static final Map<String, List<String>> NOT_A = Map.of(
            "date", List.of("5", "[2027, 1, 5]", "{\"year\": 2027}", "true", "\"2027-01-05T00:00:00Z\"",
                    "\"2027-01-05T00:00:00\"", "\"2027-1-5\"", "\"05.01.2027\"", "\"2027-02-30\"", "\"+2027-01-05\""),
            "date-time", List.of("5", "[2027, 1, 5]", "{\"epochSecond\": 0}", "\"2027-01-05\"",
                    "\"2027-01-05T00:00:00\"", "\"1800000000\""));

    private void checkRefused(String method, String target, String body, String field, List<String> wrong)
            throws IOException, InterruptedException {
        String refusedWith = null;
        for (String caller : List.of("planner", "admin", "auditor")) {
            HttpResponse<String> response = send(new Hostile("a date in another shape", method, target,
                    body == null ? null : "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    new String[0]), caller, caller);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                wrong.add(method + " " + target + " " + body + " as " + caller + " answered " + response.statusCode());
            }
            if (response.statusCode() == 400 && problemOf(response) != null) {
                refusedWith = JSON.readTree(response.body()).path("field").asText();
            }
        }
        if (!field.equals(refusedWith)) {
            wrong.add(method + " " + target + " " + body + ": expected a 400 naming " + field + ", the field named was "
                    + refusedWith);
        }
    }

    /** The paths of the date and date-time fields of a body schema, e.g. goal.targetDate or holidays[]. */
    private static Map<String, String> dateFields(JsonNode schemas, JsonNode schema, String prefix) {
        Map<String, String> fields = new TreeMap<>();
        if (schema.has("$ref")) {
            return dateFields(schemas, schemas.get(schema.get("$ref").asText().replaceAll(".*/", "")), prefix);
        }
        String format = schema.path("format").asText();
        if (NOT_A.containsKey(format) && !prefix.isEmpty()) {
            fields.put(prefix, format);
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            fields.putAll(dateFields(schemas, property.getValue(),
                    (prefix.isEmpty() ? "" : prefix + ".") + property.getKey()));
        }
        if (schema.has("items")) {
            fields.putAll(dateFields(schemas, schema.get("items"), prefix + "[]"));
        }
        return fields;
    }

    /** A body with {@code value} at {@code path}: "goal.targetDate" nests objects, "holidays[]" makes a list. */
    private static String placed(String path, String value) {
        String json = value;
        String[] parts = path.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            if (part.endsWith("[]")) {
                json = "{\"" + part.substring(0, part.length() - 2) + "\": [" + json + "]}";
            } else {
                json = "{\"" + part + "\": " + json + "}";
            }
        }
        return json;
    }

    /** Every change a refinement takes, by its op: each {@link PlanChange}. */
    private static Map<String, Class<?>> refinementChanges() {
        Map<String, Class<?>> changes = new TreeMap<>();
        for (JsonSubTypes.Type type : PlanChange.class.getAnnotation(JsonSubTypes.class).value()) {
            changes.put(type.name(), type.value());
        }
        return changes;
    }

    /** The paths of the dates in a change record, found the way Jackson reads it: by its components. */
    private static Map<String, String> dateComponents(Class<?> record, String prefix) {
        Map<String, String> fields = new TreeMap<>();
        for (java.lang.reflect.RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            String path = prefix + component.getName();
            if (type == java.time.LocalDate.class) {
                fields.put(path, "date");
            } else if (type == java.time.Instant.class) {
                fields.put(path, "date-time");
            } else if (type == List.class && component.getGenericType().getTypeName().endsWith("<java.time.LocalDate>")) {
                fields.put(path + "[]", "date");
            } else if (type.isRecord() && type.getPackageName().startsWith("dev.backcast")) {
                fields.putAll(dateComponents(type, path + "."));
            }
        }
        return fields;
    }

    private List<Hostile> hostile(Random random, String method, String template, JsonNode operation, JsonNode path,
                                  String planId) {
        List<Hostile> requests = new ArrayList<>();
        String target = template.replace("{planId}", planId).replaceAll("\\{name}", "plans")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (template.contains("{")) {
            String badId = pick(random, "not-a-uuid", "0000-00-00", "1%20OR%201%3D1", "%27%3B%20drop%20table", "..%2F..");
            requests.add(new Hostile("an id that is not a UUID", method,
                    template.replaceAll("\\{[^}]+}", badId), "application/json", "{}".getBytes(), new String[0]));
        }
        String unused = METHODS.stream().filter(candidate -> !path.has(candidate.toLowerCase())).findFirst()
                .orElse(null);
        if (unused != null) {
            requests.add(new Hostile("a method the operation does not have", unused, target, "application/json",
                    "{}".getBytes(), new String[0]));
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query") && badQueryValue(random, parameter) != null) {
                requests.add(new Hostile("a query parameter of the wrong type", method, target + "?"
                        + parameter.get("name").asText() + "=" + badQueryValue(random, parameter), null, null,
                        new String[0]));
            }
        }
        if (operation.has("requestBody")) {
            for (int i = 0; i < 4; i++) {
                requests.add(badBody(random, method, target));
            }
            requests.add(new Hostile("the wrong content type", method, target, pick(random, "text/plain",
                    "application/xml", "multipart/form-data"), "<plan><title>x</title></plan>".getBytes(),
                    new String[0]));
            requests.add(new Hostile("a bad If-Match", method, target, "application/json",
                    "{\"unexpected\": true}".getBytes(), new String[] {"If-Match",
                    pick(random, "\"abc\"", "W/\"-1\"", "*, \"1\"", "\"99999999999999999999\"", "'; drop")}));
            requests.add(new Hostile("a bad Idempotency-Key", method, target, "application/json",
                    "{\"unexpected\": true}".getBytes(), new String[] {"Idempotency-Key",
                    pick(random, "k".repeat(5_000), "", "   ", "key'; drop table idempotency_key; --")}));
        }
        return requests;
    }

    private static Hostile badBody(Random random, String method, String target) {
        String kind;
        byte[] body;
        switch (random.nextInt(10)) {
            case 0 -> {
                kind = "a JSON nesting depth of 10,000";
                body = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes();
            }
            case 1 -> {
                kind = "a string of 100,000 characters";
                body = ("{\"name\": \"" + "x".repeat(100_000) + "\", \"text\": \"" + "y".repeat(100_000) + "\"}")
                        .getBytes();
            }
            case 2 -> {
                kind = "a body of 10 MiB";
                body = ("{\"text\": \"" + "z".repeat(10 * 1024 * 1024) + "\"}").getBytes();
            }
            case 3 -> {
                kind = "invalid UTF-8";
                body = new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
                        '"', '}'};
            }
            case 4 -> {
                kind = "control characters";
                body = "{\"name\": \"a\u0000b\u001Fc\", \"text\": \"\u0007\"}".getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                kind = "a date of 0000-00-00";
                body = "{\"targetDate\": \"0000-00-00\", \"date\": \"0000-00-00\", \"deadline\": \"0000-00-00\"}"
                        .getBytes();
            }
            case 6 -> {
                kind = "wrongly typed fields";
                body = "{\"name\": 42, \"leadTimeDays\": \"many\", \"predecessors\": \"none\", \"kind\": []}"
                        .getBytes();
            }
            case 7 -> {
                kind = "unknown fields";
                body = "{\"author\": \"someone-else\", \"isAdmin\": true, \"__proto__\": {}}".getBytes();
            }
            case 8 -> {
                kind = "truncated JSON";
                body = "{\"name\": \"Launch\", \"leadTimeDays\": ".getBytes();
            }
            default -> {
                kind = "out-of-range numbers";
                body = "{\"leadTimeDays\": -99999999999, \"durationDays\": 1e400, \"exposure\": -1}".getBytes();
            }
        }
        return new Hostile(kind, method, target, "application/json", body, new String[0]);
    }

    /** A value the parameter's type cannot take; null for free text, which no value can get wrong. */
    private static String badQueryValue(Random random, JsonNode parameter) {
        String type = parameter.path("schema").path("type").asText();
        String format = parameter.path("schema").path("format").asText();
        if (type.equals("integer") || type.equals("number")) {
            return pick(random, "abc", "-1e999", "99999999999999999999999", "1;drop");
        }
        if (format.equals("date") || format.equals("date-time")) {
            return pick(random, "0000-00-00", "2026-13-45", "yesterday");
        }
        if (format.equals("uuid")) {
            return pick(random, "not-a-uuid", "1%20OR%201%3D1");
        }
        if (parameter.path("schema").has("enum")) {
            return pick(random, "NOT_ONE_OF_THEM", "%3Cscript%3E");
        }
        return null;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private HttpResponse<String> send(Hostile request, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        for (int i = 0; i < request.headers().length; i += 2) {
            builder.header(request.headers()[i], request.headers()[i + 1]);
        }
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The problem's detail, or its title when it has none; null when the answer is not a problem. */
    private static String problemOf(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            String text = problem.path("detail").asText(problem.path("title").asText());
            return text.isBlank() ? null : text;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private void awaitCaughtUp() {
        Api admin = new Api(port, "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode projection : admin.get("/api/admin/projections").json()) {
                if (projection.get("lag").asLong() > 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private String fingerprint() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) || '/' || coalesce(md5(string_agg(encode(chain_hash, 'hex'), ''
                                ORDER BY global_index)), '') FROM domain_event_entry)
                    || ' ' || (SELECT coalesce(md5(string_agg(plan_id::text || revision || state, ''
                                ORDER BY plan_id)), '') FROM plan_view)
                    || ' ' || (SELECT count(*) || '/' || coalesce(md5(string_agg(plan_id::text || revision || summary,
                                '' ORDER BY plan_id, revision)), '') FROM plan_revision)""", String.class);
    }
}
