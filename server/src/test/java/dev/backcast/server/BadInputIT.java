package dev.backcast.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.stream.Stream;

import static dev.backcast.server.PlanRequests.TARGET;
import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a problem that says what was wrong, and never reaches the event store. */
@BackcastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api planner;
    String plan;
    String closedPlan;
    String first;
    String second;

    @BeforeAll
    void aPlanWithTwoMilestonesAndAClosedOne() {
        planner = new Api(port, "planner");
        plan = "/api/plans/" + createPlan(planner, "Target of bad input");
        first = id(planner.post(plan + "/milestones", "{\"name\": \"First\", \"leadTimeDays\": 5}"), "milestoneId");
        second = id(planner.post(plan + "/milestones", """
                {"name": "Second", "leadTimeDays": 5, "predecessors": ["%s"]}""".formatted(first)), "milestoneId");
        closedPlan = "/api/plans/" + createPlan(planner, "Abandoned");
        assertThat(planner.post(closedPlan + "/abandon", "{\"reason\": {\"category\": \"EXTERNAL\", \"note\": \"Budget\"}}")
                .status()).isEqualTo(200);
    }

    record BadRequest(String method, String path, String body, int status, String field, String... headers) {
        @Override
        public String toString() {
            return method + " " + path + " " + (body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "…" : body);
        }
    }

    Stream<Arguments> badRequests() {
        String reason = "\"reason\": {\"category\": \"ESTIMATE\", \"note\": \"n\"}";
        String tomorrow = ServerTime.TODAY.plusDays(1).toString();
        return Stream.of(
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5", 400, null),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5, \"colour\": \"red\"}", 400, "colour"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": \"ten\"}", 400, "leadTimeDays"),
                bad("POST", plan + "/milestones", "{\"leadTimeDays\": 5}", 400, "name"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 3651}", 400, "leadTimeDays"),
                bad("POST", plan + "/milestones", "{\"name\": \"" + "n".repeat(201) + "\", \"leadTimeDays\": 1}", 400, "name"),
                bad("POST", "/api/plans", PlanRequests.newPlan("t".repeat(201)), 400, "title"),
                bad("POST", "/api/plans", PlanRequests.newPlan("Long").replace("Download the app today.",
                        "x".repeat(10_001)), 400, "goal.callToAction"),
                bad("POST", "/api/plans", "{\"title\": \"No goal\"}", 400, "goal"),
                bad("POST", plan + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"" + "q".repeat(1_100_000) + "\"}", 413, null),
                bad("POST", "/api/plans/5f0c8a3e-1b1a-4e4e-9d7a-000000000000/milestones",
                        "{\"name\": \"A\", \"leadTimeDays\": 5}", 404, null),
                bad("PATCH", plan + "/milestones/5f0c8a3e-1b1a-4e4e-9d7a-000000000001", "{\"leadTimeDays\": 5, " + reason + "}", 404, "milestoneId"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5, \"predecessors\": "
                        + "[\"5f0c8a3e-1b1a-4e4e-9d7a-000000000002\"]}", 422, "predecessors"),
                bad("PATCH", plan + "/milestones/" + first, "{\"predecessors\": [\"" + second + "\"], " + reason + "}", 422, "predecessors"),
                bad("DELETE", plan + "/milestones/" + first, "{" + reason + "}", 422, "milestoneId"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5, \"deadline\": \""
                        + TARGET.plusDays(1) + "\"}", 422, "deadline"),
                bad("POST", plan + "/milestones/" + first + "/reached", "{\"on\": \"" + tomorrow + "\"}", 422, "on"),
                bad("POST", plan + "/approve", null, 422, null),
                bad("PATCH", plan + "/milestones/" + first, "{\"leadTimeDays\": 9}", 400, "reason"),
                bad("POST", plan + "/metrics", "{\"name\": \"M\", \"baselineValue\": 1, \"targetValue\": 2, \"direction\": \"UP\"}", 400, "direction"),
                bad("POST", plan + "/risks", "{\"description\": \"R\", \"likelihood\": 6, \"impact\": 1}", 400, "likelihood"),
                bad("POST", "/api/plans/not-a-uuid/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5}", 400, "planId"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5}", 400, "If-Match", "If-Match", "yesterday"),
                bad("POST", closedPlan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5}", 409, null),
                bad("POST", plan + "/milestones", "[1, 2]", 400, null),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5}", 415, null, "Content-Type", "text/plain"),
                bad("POST", plan + "/refinements", "{\"message\": \"Nothing\", \"changes\": []}", 400, "changes"),
                bad("POST", plan + "/refinements", "{\"message\": \"Lifecycle\", \"changes\": [{\"op\": \"approve\"}]}", 400, "changes[0].op"),
                bad("DELETE", plan + "/milestones/" + second, null, 400, "reason"),
                bad("POST", plan + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"why\\u0000not\"}", 400, "text"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 5.9}", 400, "leadTimeDays"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": \"7\"}", 400, "leadTimeDays"),
                bad("POST", plan + "/milestones", "{\"name\": 123, \"leadTimeDays\": 7}", 400, "name"),
                bad("POST", plan + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 7, \"deadline\": \"\"}", 400, "deadline"),
                bad("GET", plan + "?minRevision=0", null, 400, "minRevision"),
                bad("GET", plan + "/revisions?fromRevision=0", null, 400, "fromRevision"));
    }

    private static Arguments bad(String method, String path, String body, int status, String field, String... headers) {
        return Arguments.of(new BadRequest(method, path, body, status, field, headers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemAndRecordsNothing(BadRequest request) {
        long eventsBefore = storedEvents();

        Api.Response response = planner.send(request.method(), request.path(), request.body(), request.headers());

        assertThat(response.status()).as(response.toString()).isEqualTo(request.status());
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isNotBlank();
        if (request.field() != null) {
            assertThat(response.json().get("field").asText()).isEqualTo(request.field());
        }
        assertThat(response.text()).doesNotContain("at dev.backcast", "Exception");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @org.junit.jupiter.api.Test
    void aChunkedBodyOverOneMebibyteIsRefusedWith413() {
        long eventsBefore = storedEvents();
        byte[] body = ("{\"kind\": \"SKEPTIC\", \"text\": \"" + "q".repeat(1_100_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Api.Response response = planner.postChunked(plan + "/questions", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @org.junit.jupiter.api.Test
    void theEventLogViewCannotBeUsedToChangeTheRecord() {
        long eventsBefore = storedEvents();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM plan_event_log"))
                .hasMessageContaining("plan_event_log is read-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE plan_event_log SET author = 'someone else'")).hasMessageContaining("read-only");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
