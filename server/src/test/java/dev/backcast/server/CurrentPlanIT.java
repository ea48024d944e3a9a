package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The current reverse plan, with exact dates computed backward from the goal. */
@BackcastIntegrationTest
class CurrentPlanIT {

    @LocalServerPort
    int port;

    @Test
    void theDesignExampleReadsFromTheGoalBackward() {
        Api planner = new Api(port, "planner");
        String plan = "/api/plans/" + id(planner.post("/api/plans", newPlan("Design example", "CALENDAR_DAYS",
                "2027-06-30", "[]")), "planId");
        String ga = id(planner.post(plan + "/milestones", "{\"name\": \"GA ready\", \"leadTimeDays\": 10}"), "milestoneId");
        String beta = id(planner.post(plan + "/milestones", "{\"name\": \"Beta done\", \"leadTimeDays\": 20}"), "milestoneId");
        String prototype = id(planner.post(plan + "/milestones", "{\"name\": \"Prototype\", \"leadTimeDays\": 5}"),
                "milestoneId");
        Api.Response refined = planner.post(plan + "/refinements", """
                {"message": "Chain them", "changes": [
                  {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                   "reason": {"category": "DEPENDENCY", "note": "GA after beta"}},
                  {"op": "reviseMilestone", "milestoneId": "%s", "predecessors": ["%s"],
                   "reason": {"category": "DEPENDENCY", "note": "Beta after prototype"}}]}"""
                .formatted(ga, beta, beta, prototype));

        Api.Response read = planner.get(plan + "?minRevision=" + refined.json().get("revision").asLong());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"6\"");
        JsonNode view = read.json();
        assertThat(view.get("revision").asLong()).isEqualTo(6);
        assertThat(view.get("goal").get("headline").asText()).isEqualTo("Design example");
        assertThat(dates(view, "name")).containsExactly("GA ready", "Beta done", "Prototype");
        assertThat(dates(view, "due")).containsExactly("2027-06-30", "2027-06-20", "2027-05-31");
        assertThat(dates(view, "startBy")).containsExactly("2027-06-20", "2027-05-31", "2027-05-26");
        assertThat(view.get("mustStartBy").asText()).isEqualTo("2027-05-26");
        assertThat(view.get("targetDate").asText()).isEqualTo("2027-06-30");
        assertThat(view.get("lastChangedBy").asText()).isEqualTo("planner");
        assertThat(view.get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aWorkingDaysPlanHonoursHolidaysPinnedDeadlinesAndSteps() {
        Api planner = new Api(port, "planner");
        String plan = "/api/plans/" + id(planner.post("/api/plans", newPlan("Working days", "WORKING_DAYS",
                "2027-07-02", "[\"2027-06-28\"]")), "planId");
        String launch = id(planner.post(plan + "/milestones", "{\"name\": \"Launch\", \"leadTimeDays\": 5}"),
                "milestoneId");
        String build = id(planner.post(plan + "/milestones", "{\"name\": \"Build\", \"leadTimeDays\": 3, "
                + "\"deadline\": \"2027-06-18\"}"), "milestoneId");
        planner.patch(plan + "/milestones/" + launch, "{\"predecessors\": [\"" + build + "\"], "
                + "\"reason\": {\"category\": \"DEPENDENCY\", \"note\": \"Launch needs the build\"}}");
        String first = id(planner.post(plan + "/milestones/" + build + "/steps",
                "{\"description\": \"Write code\", \"durationDays\": 4}"), "stepId");
        Api.Response last = planner.post(plan + "/milestones/" + build + "/steps",
                "{\"description\": \"Test it\", \"durationDays\": 3, \"predecessors\": [\"" + first + "\"]}");

        JsonNode view = planner.get(plan + "?minRevision=" + last.json().get("revision").asLong()).json();

        assertThat(dates(view, "name")).containsExactly("Launch", "Build");
        assertThat(dates(view, "due")).containsExactly("2027-07-02", "2027-06-18");
        assertThat(dates(view, "startBy")).containsExactly("2027-06-24", "2027-06-09");
        JsonNode buildView = view.get("milestones").get(1);
        assertThat(buildView.get("leadTimeDays").asInt()).isEqualTo(3);
        assertThat(buildView.get("scheduledLeadTimeDays").asInt()).isEqualTo(7);
        assertThat(buildView.get("deadline").asText()).isEqualTo("2027-06-18");
        List<String> stepDue = new ArrayList<>();
        List<String> stepStart = new ArrayList<>();
        buildView.get("steps").forEach(step -> {
            stepDue.add(step.get("due").asText());
            stepStart.add(step.get("startBy").asText());
        });
        assertThat(stepDue).containsExactly("2027-06-18", "2027-06-15");
        assertThat(stepStart).containsExactly("2027-06-15", "2027-06-09");
        assertThat(view.get("mustStartBy").asText()).isEqualTo("2027-06-09");
        assertThat(view.get("holidays").get(0).asText()).isEqualTo("2027-06-28");
    }

    @Test
    void aPlanForecastPastItsTargetShowsHowLateAndTheCriticalChain() {
        Api planner = new Api(port, "planner");
        LocalDate today = ServerTime.TODAY;
        String target = today.plusDays(10).toString();
        String plan = "/api/plans/" + id(planner.post("/api/plans", newPlan("Running late", "CALENDAR_DAYS", target,
                "[]")), "planId");
        String design = id(planner.post(plan + "/milestones", "{\"name\": \"Design\", \"leadTimeDays\": 20}"), "milestoneId");
        String ship = id(planner.post(plan + "/milestones", "{\"name\": \"Ship\", \"leadTimeDays\": 15, "
                + "\"predecessors\": [\"" + design + "\"]}"), "milestoneId");
        Api.Response side = planner.post(plan + "/milestones", "{\"name\": \"Docs\", \"leadTimeDays\": 2}");

        JsonNode view = planner.get(plan + "?minRevision=" + side.json().get("revision").asLong()).json();

        assertThat(view.get("forecastGoalDate").asText()).isEqualTo(today.plusDays(35).toString());
        assertThat(view.get("lateByDays").asInt()).isEqualTo(25);
        assertThat(view.get("criticalPath")).extracting(JsonNode::asText).containsExactly(ship, design);
        JsonNode shipView = milestone(view, ship);
        assertThat(shipView.get("slackDays").asInt()).isEqualTo(-25);
        assertThat(shipView.get("lateByDays").asInt()).isEqualTo(25);
        assertThat(shipView.get("critical").asBoolean()).isTrue();
        assertThat(shipView.get("forecast").asText()).isEqualTo(today.plusDays(35).toString());
        JsonNode docs = view.get("milestones").get(0).get("name").asText().equals("Docs")
                ? view.get("milestones").get(0) : view.get("milestones").get(1);
        assertThat(docs.get("critical").asBoolean()).isFalse();
        assertThat(docs.get("slackDays").asInt()).isEqualTo(8);

        JsonNode latePlans = planner.get("/api/plans?late=true&size=200").json();
        assertThat(latePlans.get("items").findValuesAsText("title")).contains("Running late");
        assertThat(latePlans.get("items").findValuesAsText("title")).doesNotContain("Design example");
    }

    @Test
    void aPlanListFiltersSortsAndPages() {
        Api planner = new Api(port, "planner");
        String portfolio = "List " + System.nanoTime();
        for (String title : List.of("Charlie", "Alpha", "Bravo")) {
            id(planner.post("/api/plans", newPlan(title, "CALENDAR_DAYS", "2027-06-30", "[]")
                    .replace("\"portfolio\": \"Payments\"", "\"portfolio\": \"" + portfolio + "\"")), "planId");
        }
        String query = "/api/plans?portfolio=" + portfolio.replace(" ", "%20");

        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(planner.get(query).json().get("total").asInt()).isEqualTo(3));
        JsonNode firstPage = planner.get(query + "&sort=title&size=2").json();
        JsonNode secondPage = planner.get(query + "&sort=title&size=2&page=1").json();

        assertThat(firstPage.get("items").findValuesAsText("title")).containsExactly("Alpha", "Bravo");
        assertThat(secondPage.get("items").findValuesAsText("title")).containsExactly("Charlie");
        assertThat(planner.get(query + "&sort=title,desc").json().get("items").findValuesAsText("title"))
                .containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(planner.get(query + "&status=ACTIVE").json().get("total").asInt()).isZero();
        assertThat(firstPage.get("items").get(0).get("revision").asLong()).isEqualTo(1);
        assertThat(planner.get(query + "&sort=colour").status()).isEqualTo(400);
    }

    static String newPlan(String title, String calendar, String targetDate, String holidays) {
        return """
                {"title": "%s", "portfolio": "Payments", "calendar": "%s", "holidays": %s,
                 "goal": {"headline": "%s", "customerProblem": "A problem", "solution": "A solution",
                          "targetDate": "%s"}}""".formatted(title, calendar, holidays, title, targetDate);
    }

    static List<String> dates(JsonNode view, String field) {
        List<String> values = new ArrayList<>();
        view.get("milestones").forEach(milestone -> values.add(milestone.get(field).asText()));
        return values;
    }

    static JsonNode milestone(JsonNode view, String milestoneId) {
        for (JsonNode milestone : view.get("milestones")) {
            if (milestone.get("milestoneId").asText().equals(milestoneId)) {
                return milestone;
            }
        }
        throw new AssertionError("No milestone " + milestoneId + " in " + view);
    }
}
