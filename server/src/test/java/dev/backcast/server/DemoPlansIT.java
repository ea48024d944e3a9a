package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.BackcastApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The example plans, loaded into an empty database, read as months of real, attributed history marked as demo. */
class DemoPlansIT {

    private static ConfigurableApplicationContext application;
    private static Api viewer;

    @BeforeAll
    static void startWithDemoData() {
        application = new SpringApplicationBuilder(BackcastApplication.class).profiles("it")
                .initializers(new ServerTime.Initializer()).run("--server.port=0", "--backcast.demo=true", "--backcast.embedded-db.directory="
                        + Path.of("target", "it-demo-" + UUID.randomUUID()).toAbsolutePath());
        viewer = new Api(((WebServerApplicationContext) application).getWebServer().getPort(), "viewer");
        Api admin = viewer.as("admin");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/admin/projections").json())
                .allSatisfy(projection -> assertThat(projection.get("lag").asLong()).isZero()));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theThreeExamplePlansArriveWithTheirStatusAndHistory() {
        JsonNode plans = viewer.get("/api/plans?sort=title").json();
        assertThat(plans.get("total").asInt()).isEqualTo(3);
        assertThat(plans.get("items").findValuesAsText("title")).containsExactly(
                "Industry nurture programme for telecommunications", "Mobile wallet for small merchants",
                "Self-service kiosks in ten branches");
        assertThat(plans.get("items").findValuesAsText("status")).containsExactly("ACTIVE", "ACHIEVED", "ABANDONED");
    }

    @Test
    void decisionsAreRecordedAtTheirScenarioDayByTheirAuthorAndMarkedAsDemo() {
        String kiosk = planNamed("Self-service kiosks in ten branches");
        List<JsonNode> events = PlanRequests.events(viewer, kiosk);
        LocalDate dayZero = ServerTime.TODAY.minusDays(90);

        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("PlanCreated",
                "MetricDefined", "MilestoneAdded", "MilestoneAdded", "MilestonePredecessorsChanged", "PlanApproved",
                "BaselineCaptured", "RiskIdentified", "MilestoneLeadTimeReestimated", "RiskClosed", "PlanAbandoned");
        assertThat(events).allSatisfy(event -> assertThat(event.get("author").asText()).isEqualTo("ana"));
        assertThat(recordedDay(events.get(0))).isEqualTo(dayZero);
        assertThat(recordedDay(events.get(8))).isEqualTo(dayZero.plusDays(50));
        assertThat(recordedDay(events.get(10))).isEqualTo(dayZero.plusDays(61));
        assertThat(events.get(0).get("event").get("goal").get("targetDate").asText())
                .isEqualTo(dayZero.plusDays(120).toString());

        JsonNode history = viewer.get("/api/plans/" + kiosk + "/revisions?order=oldest&minRevision=11").json();
        assertThat(history.get("items").get(8).get("summary").asText())
                .isEqualTo("Hardware delivered: lead time 40 → 70 days (EXTERNAL: Vendor restructuring)");
        assertThat(events).allSatisfy(event -> assertThat(event.get("demo").asText()).startsWith("example plan kiosk-pilot"));
        assertThat(events.get(8).get("demo").asText()).isEqualTo("example plan kiosk-pilot, day 50");
        Instant created = Instant.parse(events.get(0).get("recordedAt").asText());
        assertThat(created).isBefore(ServerTime.START.minus(89, ChronoUnit.DAYS));
    }

    /** The examples hold five reference milestones: no forecast is calibrated, and the portfolio says why. */
    @Test
    void thePortfolioSaysNoPlanIsRankedByItsChanceOfMissingBeforeForecastsAreCalibrated() {
        JsonNode portfolio = viewer.get("/api/portfolio").json();
        assertThat(portfolio.get("plansCalibrated").asLong()).isZero();
        assertThat(portfolio.get("plansLikelyToMiss").asLong()).isZero();
        assertThat(viewer.get("/portfolio", "Accept", "text/html").text())
                .contains("No open plan has a calibrated forecast yet")
                .doesNotContain("with a calibrated forecast has");
    }

    @Test
    void theWalletPlanWasAchievedAfterItsTargetMoved() {
        JsonNode wallet = viewer.get("/api/plans/" + planNamed("Mobile wallet for small merchants")).json();
        LocalDate dayZero = ServerTime.TODAY.minusDays(260);

        assertThat(wallet.get("targetDate").asText()).isEqualTo(dayZero.plusDays(215).toString());
        assertThat(wallet.get("achievedOn").asText()).isEqualTo(dayZero.plusDays(215).toString());
        assertThat(wallet.get("baselines").findValuesAsText("name")).containsExactly("approved", "Certification submitted");
        assertThat(wallet.get("answeredQuestions")).hasSize(2);
        assertThat(wallet.get("milestones")).allSatisfy(milestone ->
                assertThat(milestone.get("status").asText()).isEqualTo("REACHED"));
    }

    @Test
    void theTrendShowsEachMoveOfThePlannedDatesAndAWeeklyForecastUntilThePlanEnded() {
        String wallet = planNamed("Mobile wallet for small merchants");
        LocalDate dayZero = ServerTime.TODAY.minusDays(260);

        JsonNode trend = viewer.get("/api/plans/" + wallet + "/trend").json();

        assertThat(trend.get("from").asText()).isEqualTo(dayZero.toString());
        assertThat(trend.get("to").asText()).isEqualTo(dayZero.plusDays(216).toString());
        JsonNode goal = trend.get("goal");
        assertThat(goal.get("planned").findValuesAsText("recordedOn"))
                .containsExactly(dayZero.toString(), dayZero.plusDays(151).toString());
        assertThat(goal.get("planned").findValuesAsText("date"))
                .containsExactly(dayZero.plusDays(200).toString(), dayZero.plusDays(215).toString());
        // The first milestone arrives on day 1: before it there is nothing to forecast.
        long sundays = dayZero.plusDays(1).datesUntil(dayZero.plusDays(217))
                .filter(day -> day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY).count();
        boolean endsOnSunday = dayZero.plusDays(216).getDayOfWeek() == java.time.DayOfWeek.SUNDAY;
        assertThat(goal.get("forecasts")).hasSize((int) sundays + (endsOnSunday ? 0 : 1));
        assertThat(goal.get("forecasts").get(goal.get("forecasts").size() - 1).get("forecast").asText())
                .isEqualTo(dayZero.plusDays(215).toString());
        assertThat(trend.get("milestones")).hasSize(5).allSatisfy(line -> {
            LocalDate reached = LocalDate.parse(line.get("reachedOn").asText());
            line.get("forecasts").forEach(point ->
                    assertThat(LocalDate.parse(point.get("on").asText())).isBeforeOrEqualTo(reached));
            assertThat(line.get("planned")).isNotEmpty();
        });

        assertThat(viewer.get("/api/plans/" + wallet + "/trend?interval=month").json().get("goal").get("forecasts").size())
                .isBetween(8, 9);
        assertThat(viewer.get("/api/plans/" + wallet + "/trend?interval=year").status()).isEqualTo(400);
    }

    private static String planNamed(String title) {
        for (JsonNode plan : viewer.get("/api/plans").json().get("items")) {
            if (plan.get("title").asText().equals(title)) {
                return plan.get("planId").asText();
            }
        }
        throw new AssertionError("No plan " + title);
    }

    private static LocalDate recordedDay(JsonNode event) {
        return LocalDate.ofInstant(Instant.parse(event.get("recordedAt").asText()), ZoneOffset.UTC);
    }
}
