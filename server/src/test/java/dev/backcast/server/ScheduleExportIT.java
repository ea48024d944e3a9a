package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan leaves Backcast as a schedule file that imports back with the same dates, as it stands or as it stood, and
 * as a calendar feed whose events keep their UIDs and count their moves; calendar apps subscribe with a read-only
 * token in the link.
 */
@BackcastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleExportIT {

    @LocalServerPort
    int port;

    Api planner;
    String planId;
    String plan;
    long beforeTheMove;
    long theMove;

    /** Design (10) ← Build (20, one step) ← Launch (15, deadline), approved, then Build re-estimated to 25. */
    @BeforeAll
    void anApprovedPlanWithAMove() {
        planner = new Api(port, "planner");
        planId = id(planner.post("/api/plans", CurrentPlanIT.newPlan("Export " + System.nanoTime(), "WORKING_DAYS",
                "2027-06-30", "[\"2027-05-31\"]")), "planId");
        plan = "/api/plans/" + planId;
        id(planner.post(plan + "/metrics", "{\"name\": \"Users\", \"baselineValue\": 0, \"targetValue\": 10, "
                + "\"direction\": \"INCREASE\"}"), "metricId");
        String design = id(planner.post(plan + "/milestones", "{\"name\": \"Design\", \"leadTimeDays\": 10}"),
                "milestoneId");
        String build = id(planner.post(plan + "/milestones", "{\"name\": \"Build\", \"leadTimeDays\": 20, "
                + "\"predecessors\": [\"" + design + "\"]}"), "milestoneId");
        id(planner.post(plan + "/milestones/" + build + "/steps", "{\"description\": \"Write the code\", "
                + "\"durationDays\": 12}"), "stepId");
        id(planner.post(plan + "/milestones", "{\"name\": \"Launch\", \"leadTimeDays\": 15, \"deadline\": "
                + "\"2027-06-25\", \"predecessors\": [\"" + build + "\"]}"), "milestoneId");
        Api.Response approved = planner.post(plan + "/approve", "{}");
        assertThat(approved.status()).isEqualTo(200);
        beforeTheMove = approved.json().get("revision").asLong();
        Api.Response moved = planner.patch(plan + "/milestones/" + build, "{\"leadTimeDays\": 25, \"reason\": "
                + "{\"category\": \"ESTIMATE\", \"note\": \"The vendor's quote\"}}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        theMove = moved.json().get("revision").asLong();
        assertThat(planner.get(plan + "?minRevision=" + theMove).status()).isEqualTo(200);
    }

    @Test
    void anExportedPlanImportsBackWithTheSameDueDatesInEveryFormat() {
        Map<String, String> due = dueDates(planner.get(plan + "?minRevision=" + theMove).json());
        for (String format : new String[] {"mspdi", "mpx"}) {
            Api.Response exported = planner.get(plan + "/export?format=" + format);
            assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
            assertThat(exported.header("Content-Disposition")).startsWith("attachment").contains("-r" + theMove);

            JsonNode report = preview(exported.text().getBytes(StandardCharsets.UTF_8), "plan." + format);
            assertThat(report.get("targetDate").asText()).isEqualTo("2027-06-30");
            assertThat(report.get("calendar").asText()).isEqualTo("WORKING_DAYS");
            assertThat(report.get("holidays").toString()).contains("2027-05-31");
            Map<String, String> imported = new TreeMap<>();
            report.get("milestones").forEach(m -> imported.put(m.get("name").asText(), m.get("dueDate").asText()));
            assertThat(imported).as(format).isEqualTo(due);
        }
        Api.Response planner = this.planner.get(plan + "/export?format=planner");
        assertThat(planner.status()).isEqualTo(200);
        assertThat(preview(planner.text().getBytes(StandardCharsets.UTF_8), "plan.planner").get("milestones"))
                .hasSize(3);
    }

    @Test
    void aRevisionExportsThePlanAsItStoodThen() {
        Api.Response then = planner.get(plan + "/export?revision=" + beforeTheMove);
        assertThat(then.status()).isEqualTo(200);
        Map<String, String> thenDue = new TreeMap<>();
        preview(then.text().getBytes(StandardCharsets.UTF_8), "then.xml").get("milestones")
                .forEach(m -> thenDue.put(m.get("name").asText(), m.get("dueDate").asText()));
        assertThat(thenDue).isEqualTo(dueDates(planner.get(plan + "?revision=" + beforeTheMove).json()));

        assertThat(planner.get(plan + "/export?format=pdf").json().get("field").asText()).isEqualTo("format");
        assertThat(planner.get(plan + "/export?revision=999").status()).isEqualTo(400);
        assertThat(planner.get("/api/plans/" + java.util.UUID.randomUUID() + "/export").status()).isEqualTo(404);
        assertThat(planner.as("viewer").get(plan + "/export?format=mpx").status()).isEqualTo(200);
    }

    @Test
    void theCalendarHasOneEventPerDueDateWithStableUidsAndTheLastMovesReason() {
        String calendar = planner.get(plan + "/calendar.ics").text();
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("VERSION:2.0");
        Map<String, String> events = events(calendar);
        assertThat(events).hasSize(4);
        assertThat(events(planner.get(plan + "/calendar.ics").text()).keySet()).isEqualTo(events.keySet());
        String design = events.entrySet().stream().filter(event -> event.getValue().contains("Design due"))
                .findFirst().orElseThrow().getValue();
        assertThat(design).contains("DTSTART;VALUE=DATE:", "SEQUENCE:" + theMove, "ESTIMATE",
                "URL:http://localhost:" + port + "/plans/" + planId);
        String launch = events.values().stream().filter(event -> event.contains("Launch due")).findFirst()
                .orElseThrow();
        assertThat(launch).contains("SEQUENCE:0");

        String portfolio = planner.get("/api/portfolio/calendar.ics?portfolio=Payments").text();
        assertThat(events(portfolio).keySet()).containsAll(events.keySet());
        assertThat(events(planner.get("/api/portfolio/calendar.ics?portfolio=Elsewhere").text())).isEmpty();
    }

    @Test
    void calendarAppsSubscribeWithAReadOnlyTokenInTheLinkAndNothingElse() throws Exception {
        String read = planner.post("/api/tokens", "{\"name\": \"calendar\", \"scope\": \"read\"}").json()
                .get("token").asText();
        String full = planner.post("/api/tokens", "{\"name\": \"script\"}").json().get("token").asText();

        HttpResponse<String> subscribed = anonymous(plan + "/calendar.ics?token=" + read);
        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(subscribed.body()).startsWith("BEGIN:VCALENDAR");
        assertThat(anonymous("/api/portfolio/calendar.ics?token=" + read).statusCode()).isEqualTo(200);

        assertThat(anonymous(plan + "/calendar.ics?token=" + full).statusCode()).isEqualTo(401);
        assertThat(anonymous(plan + "/calendar.ics?token=bc_unknown").statusCode()).isEqualTo(401);
        assertThat(anonymous(plan + "?token=" + read).statusCode()).isEqualTo(401);
        assertThat(anonymous(plan + "/calendar.ics").statusCode()).isEqualTo(401);

        Api.Response write = new Api(port, null).send("POST", plan + "/questions",
                "{\"kind\": \"SKEPTIC\", \"text\": \"Q\"}", "Authorization", "Bearer " + read);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("type").asText()).isEqualTo("urn:backcast:problem:read-only-token");
        assertThat(new Api(port, null).get(plan, "Authorization", "Bearer " + read).status()).isEqualTo(200);
        assertThat(planner.post("/api/tokens", "{\"name\": \"x\", \"scope\": \"write\"}").status()).isEqualTo(400);
    }

    private JsonNode preview(byte[] file, String name) {
        Api.Response previewed = planner.upload("/api/plans/imports/preview", name, file, Map.of());
        assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
        return previewed.json();
    }

    private static Map<String, String> dueDates(JsonNode view) {
        Map<String, String> due = new TreeMap<>();
        view.get("milestones").forEach(m -> due.put(m.get("name").asText(), m.get("due").asText()));
        return due;
    }

    /** Each VEVENT by its UID, unfolded. */
    private static Map<String, String> events(String calendar) {
        Map<String, String> events = new TreeMap<>();
        Matcher event = Pattern.compile("BEGIN:VEVENT\\r\\n(.*?)END:VEVENT", Pattern.DOTALL)
                .matcher(calendar.replace("\r\n ", ""));
        while (event.find()) {
            Matcher uid = Pattern.compile("UID:(.*)\\r\\n").matcher(event.group(1));
            assertThat(uid.find()).isTrue();
            events.put(uid.group(1), event.group(1));
        }
        return events;
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
