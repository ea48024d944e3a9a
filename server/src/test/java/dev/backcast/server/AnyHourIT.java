package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.server.time.ChosenTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every rule that depends on "today" reads the application clock in the configured zone, whatever the hour: the demo
 * loads, forecasts start today, an actual date may be today and not tomorrow, and all of it moves on at midnight,
 * the plan list's figures too, brought to the new day by the daily refresh, and an open what-if branch's, while a
 * discarded one keeps the day it was closed.
 * Each case is a server on a fresh database at a chosen instant, just after midnight or just before it, in UTC and in
 * the zones furthest ahead of it (UTC+14) and behind it (UTC-11).
 */
class AnyHourIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Moment> moments() {
        return Stream.of(
                new Moment("UTC", "2026-12-05T00:30"),
                new Moment("UTC", "2026-12-05T23:30"),
                new Moment("Pacific/Kiritimati", "2026-12-05T00:30"),
                new Moment("Pacific/Pago_Pago", "2026-12-05T23:30"));
    }

    /** A local time of day in a zone. */
    record Moment(String zone, String localTime) {

        Instant instant() {
            return LocalDateTime.parse(localTime).atZone(ZoneId.of(zone)).toInstant();
        }

        LocalDate today() {
            return LocalDateTime.parse(localTime).toLocalDate();
        }

        @Override
        public String toString() {
            return localTime + " in " + zone + " (" + instant() + ")";
        }
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("moments")
    void theDemoLoadsForecastsStartTodayAndActualDatesMayBeTodayButNotTomorrow(Moment moment) throws IOException {
        ChosenTime time = new ChosenTime(moment.instant());
        try (ConfigurableApplicationContext server = time.start("--server.port=0", "--backcast.demo=true",
                "--backcast.time-zone=" + moment.zone(), "--backcast.daily-figures-check-every=PT1S",
                "--backcast.embedded-db.directory="
                        + Path.of("target", "it-any-hour-" + UUID.randomUUID()).toAbsolutePath())) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            Api planner = new Api(port, "planner");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(planner.get("/api/plans").json().get("total").asInt()).isEqualTo(3));

            theDemoIsRecordedOnItsScenarioDaysInOrderAndNeverInTheFuture(planner, moment, time.now());

            LocalDate today = moment.today();
            String title = "Planned at " + moment;
            String planId = PlanRequests.createPlan(planner, title);
            String first = addMilestone(planner, planId, "First");
            String second = addMilestone(planner, planId, "Second");
            JsonNode plan = planner.get("/api/plans/" + planId + "?minRevision=3").json();
            assertThat(plan.get("asOf").asText()).isEqualTo(today.toString());
            assertThat(plan.get("forecastGoalDate").asText()).isEqualTo(today.plusDays(10).toString());
            String branches = "/api/plans/" + planId + "/branches";
            String keptOpen = planner.post(branches, "{\"name\": \"Kept open\"}").json().get("branchId").asText();
            String discarded = planner.post(branches, "{\"name\": \"Discarded\"}").json().get("branchId").asText();
            assertThat(planner.delete(branches + "/" + discarded + "?category=OTHER&note=Dropped", null).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(branch(planner, branches, discarded)
                    .get("status").asText()).isEqualTo("DISCARDED"));

            assertThat(reach(planner, planId, first, today.plusDays(1)).status()).isEqualTo(422);
            assertThat(reach(planner, planId, first, today).status()).isEqualTo(200);

            time.jumpTo(today.plusDays(1).atStartOfDay(ZoneId.of(moment.zone())).plusMinutes(1).toInstant());
            JsonNode tomorrow = planner.get("/api/plans/" + planId + "?minRevision=4").json();
            assertThat(tomorrow.get("asOf").asText()).isEqualTo(today.plusDays(1).toString());
            assertThat(tomorrow.get("forecastGoalDate").asText()).isEqualTo(today.plusDays(11).toString());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode listed = planner.get("/api/plans?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)).json();
                assertThat(listed.get("figuresAsOf").asText()).isEqualTo(today.plusDays(1).toString());
                assertThat(listed.get("items").get(0).get("forecastGoalDate").asText())
                        .isEqualTo(today.plusDays(11).toString());
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode open = branch(planner, branches, keptOpen);
                assertThat(open.get("figuresAsOf").asText()).isEqualTo(today.plusDays(1).toString());
                assertThat(open.get("forecastGoalDate").asText()).isEqualTo(today.plusDays(11).toString());
            });
            JsonNode closed = branch(planner, branches, discarded);
            assertThat(closed.get("figuresAsOf").asText()).as("a discarded branch keeps the day it was closed")
                    .isEqualTo(today.toString());
            assertThat(closed.get("forecastGoalDate").asText()).isEqualTo(today.plusDays(10).toString());
            assertThat(PortfolioRollUpIT.tallied(planner.get("/api/portfolio?size=1").json()))
                    .as("the organisation's slips tallied as the day's refresh moved the forecasts")
                    .isEqualTo(PortfolioRollUpIT.tallied(planner.get("/api/portfolio?size=1&"
                            + PortfolioRollUpIT.ALL_TIME).json()));
            long lateListed = 0;
            for (JsonNode listed : planner.get("/api/plans?size=200").json().get("items")) {
                lateListed += listed.get("lateByDays").asInt() > 0 ? 1 : 0;
            }
            assertThat(planner.get("/api/plans?late=true").json().get("total").asLong())
                    .as("late plans tallied as the day's refresh moved them").isEqualTo(lateListed);
            assertThat(reach(planner, planId, second, today.plusDays(2)).status()).isEqualTo(422);
            assertThat(reach(planner, planId, second, today.plusDays(1)).status()).isEqualTo(200);

            Api admin = new Api(port, "admin");
            assertThat(admin.post("/api/admin/projections/plans/rebuild", null).status()).isEqualTo(202);
            RebuildIT.awaitReplayed(admin);
            assertThat(branch(planner, branches, discarded).get("figuresAsOf").asText())
                    .as("a discarded branch keeps the day it was closed through a rebuild").isEqualTo(today.toString());
            assertThat(branch(planner, branches, keptOpen).get("figuresAsOf").asText())
                    .isEqualTo(today.plusDays(1).toString());
        }
    }

    private static JsonNode branch(Api planner, String branches, String branchId) {
        for (JsonNode branch : planner.get(branches).json()) {
            if (branch.get("branchId").asText().equals(branchId)) {
                return branch;
            }
        }
        throw new AssertionError("No branch " + branchId + " in " + branches);
    }

    private static void theDemoIsRecordedOnItsScenarioDaysInOrderAndNeverInTheFuture(Api viewer, Moment moment,
                                                                                   Instant now) throws IOException {
        ZoneId zone = ZoneId.of(moment.zone());
        for (JsonNode plan : viewer.get("/api/plans").json().get("items")) {
            List<JsonNode> events = PlanRequests.gaplessEvents(viewer, plan.get("planId").asText());
            String scenario = events.get(0).get("demo").asText().replaceAll("^example plan (.+), day \\d+$", "$1");
            LocalDate dayZero = moment.today().minusDays(elapsedDays(scenario));
            Instant previous = Instant.MIN;
            for (JsonNode event : events) {
                Instant recordedAt = Instant.parse(event.get("recordedAt").asText());
                int day = Integer.parseInt(event.get("demo").asText().replaceAll(".*, day (\\d+)$", "$1"));
                assertThat(recordedAt).as("revision %s of %s", event.get("revision"), scenario)
                        .isAfterOrEqualTo(previous).isBeforeOrEqualTo(now);
                assertThat(LocalDate.ofInstant(recordedAt, zone)).as("revision %s of %s", event.get("revision"),
                        scenario).isEqualTo(dayZero.plusDays(day));
                previous = recordedAt;
            }
        }
    }

    private static int elapsedDays(String scenario) throws IOException {
        try (InputStream in = AnyHourIT.class.getResourceAsStream("/demo/" + scenario + ".json")) {
            return JSON.readTree(in).get("elapsedDays").asInt();
        }
    }

    private static String addMilestone(Api planner, String planId, String name) {
        return PlanRequests.id(planner.post("/api/plans/" + planId + "/milestones",
                "{\"name\": \"" + name + "\", \"leadTimeDays\": 10}"), "milestoneId");
    }

    private static Api.Response reach(Api planner, String planId, String milestoneId, LocalDate on) {
        return planner.post("/api/plans/" + planId + "/milestones/" + milestoneId + "/reached",
                "{\"on\": \"" + on + "\"}");
    }
}
