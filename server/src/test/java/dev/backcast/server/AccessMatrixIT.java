package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, as nobody, with a wrong password, and as each role: 401, 403 or let
 * through, from one table of who may do what. An operation the table does not cover fails the test, so a new
 * endpoint cannot be forgotten.
 */
@BackcastIntegrationTest
class AccessMatrixIT {

    /** Who may call an operation: the first row whose method and path match decides. */
    private record Rule(String description, BiPredicate<String, String> matches, Set<String> roles) {
    }

    private static final Set<String> EVERY_ROLE = Set.of("viewer", "planner", "admin", "auditor");
    private static final List<Rule> RULES = List.of(
            new Rule("administration", (method, path) -> path.startsWith("/api/admin/"), Set.of("admin")),
            new Rule("audit", (method, path) -> path.startsWith("/api/audit")
                    || path.matches("/api/plans/\\{[^}]+}/audit.*"), Set.of("admin", "auditor")),
            new Rule("own API tokens", (method, path) -> path.startsWith("/api/tokens"), EVERY_ROLE),
            new Rule("reading", (method, path) -> path.startsWith("/api/") && (method.equals("GET")
                    || method.equals("HEAD")), EVERY_ROLE),
            new Rule("changing plans", (method, path) -> path.startsWith("/api/"), Set.of("planner", "admin")));

    /**
     * Demo users; "admin" has ADMIN and PLANNER. Wrong passwords go to names no one has, a new one for each operation,
     * so that slowing down repeated failures does not turn their 401 into 429.
     */
    private static final Map<String, String> USERS = Map.of("viewer", "viewer", "planner", "planner", "admin", "admin",
            "auditor", "auditor");

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersEachKindOfCallerAsTheTableSays() {
        JsonNode paths = new Api(port, null).get("/v3/api-docs").json().get("paths");
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> entries = paths.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String template = entry.getKey();
                Rule rule = RULES.stream().filter(candidate -> candidate.matches().test(method, template)).findFirst()
                        .orElseThrow(() -> new AssertionError(method + " " + template + " is in no row of the table"));
                String path = concrete(template);
                operations++;
                requests += expect(wrong, rule, method, path, "nobody", new Api(port, null), 401);
                requests += expect(wrong, rule, method, path, "a wrong password",
                        new Api(port, "mallory-" + operations, "not-a-password"), 401);
                for (Map.Entry<String, String> user : USERS.entrySet()) {
                    Api caller = new Api(port, user.getKey(), user.getValue());
                    requests += expect(wrong, rule, method, path, user.getKey(), caller,
                            rule.roles().contains(user.getKey()) ? 0 : 403);
                }
            }
        }
        System.out.printf("Access matrix: %d operations, %d requests%n", operations, requests);
        assertThat(operations).isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    /** @param expected 401, 403, or 0 for "let through": anything that is neither, and never a 5xx */
    private static int expect(List<String> wrong, Rule rule, String method, String path, String caller, Api api,
                              int expected) {
        Api.Response response = api.send(method, path, method.equals("GET") || method.equals("HEAD")
                || method.equals("DELETE") ? null : "{}");
        int status = response.status();
        boolean right = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!right) {
            wrong.add(method + " " + path + " as " + caller + " (" + rule.description() + "): expected "
                    + (expected == 0 ? "to be let through" : expected) + ", got " + status + " " + response.text());
        }
        return 1;
    }

    /** Path variables filled with values that exist nowhere, so nothing is changed by a call that gets through. */
    private static String concrete(String template) {
        return template.replaceAll("\\{name}", "no-such-projection")
                .replaceAll("\\{[^}]*[iI]d}", UUID.randomUUID().toString())
                .replaceAll("\\{[^}]+}", "x");
    }
}
