package dev.backcast.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.BackcastApplication;
import dev.backcast.server.Api;
import dev.backcast.server.BackcastIntegrationTest;
import dev.backcast.server.PlanRequests;
import dev.backcast.server.ServerTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.backcast.server.ui.ExamplePlan.PROTOTYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every page of a plan, for each state a plan goes through, read in a real browser: each page shows what that state
 * means and loads without a page error, a failed request or an answer refused. A store without any plan shows an
 * empty plan list and portfolio that say so.
 */
@BackcastIntegrationTest
class PlanStatesBrowserIT {

    private static final String BARS_OF_THE_EXAMPLE = "3";
    /** One line for each of the example's three milestones and one for its goal. */
    private static final String TREND_LINES_OF_THE_EXAMPLE = "4";

    @LocalServerPort
    int port;

    /** A portfolio of this test's own, so that the list and the portfolio show only its plans. */
    private final String portfolio = "Plan states " + UUID.randomUUID();

    @Test
    void aPlanWithOnlyItsGoalShowsItsPressReleaseAndAsksForMilestones() {
        Api planner = new Api(port, "planner");
        String planId = ExamplePlan.goalOnly(planner, portfolio);
        JsonNode plan = current(planner, planId);
        try (Browser browser = Browser.open(port).signIn("planner")) {
            visitThePlan(browser, plan, "DRAFT");
            assertThat(browser.text(".reverse-plan .empty")).contains("No milestone yet");
            assertThat(browser.text("h2.headline")).isEqualTo("Customers launch in a day");
            assertThat(browser.all(".toolbar summary")).extracting(WebElement::getText).contains("Approve the plan");

            browser.go("/plans/" + planId + "/timeline");
            assertThat(browser.text("#timeline-empty")).contains("No milestone yet");
            assertThat(browser.all("#timeline-chart")).isEmpty();
            assertThat(options(browser.find("#baseline"))).containsExactly("none");
            browser.assertPageHealthy();
            browser.screenshot("states-goal-only-timeline");
            visitTheTrend(browser, plan, "1");
            browser.screenshot("states-goal-only-trend");
            visitTheHistory(browser, plan);
            assertThat(browser.text("table.revisions")).contains("Plan created");
            visitTheComparison(browser, plan);
            assertThat(browser.text("main .notice")).isEqualTo("Nothing differs between these revisions.");
            visitTheListAndThePortfolio(browser, plan);
        }
    }

    @Test
    void aDraftWithMilestonesAndNoBaselineDrawsItsTimelineWithoutGhosts() {
        Api planner = new Api(port, "planner");
        String planId = ExamplePlan.create(planner, portfolio);
        JsonNode plan = current(planner, planId);
        try (Browser browser = Browser.open(port).signIn("planner")) {
            visitThePlan(browser, plan, "DRAFT");
            assertThat(browser.all("li.milestone")).hasSize(3);

            visitTheTimeline(browser, plan, BARS_OF_THE_EXAMPLE);
            assertThat(options(browser.find("#baseline"))).containsExactly("none");
            visitTheTrend(browser, plan, TREND_LINES_OF_THE_EXAMPLE);
            visitTheHistory(browser, plan);
            visitTheComparison(browser, plan);
            assertThat(browser.text("main")).contains("GA ready");
            visitTheListAndThePortfolio(browser, plan);
        }
    }

    @Test
    void anApprovedPlanDrawsItsApprovedBaselineAsGhostsWhenChosenAndNoneWhenNot() {
        Api planner = new Api(port, "planner");
        String planId = ExamplePlan.create(planner, portfolio);
        approve(planner, planId);
        JsonNode plan = current(planner, planId);
        try (Browser browser = Browser.open(port).signIn("planner")) {
            visitThePlan(browser, plan, "ACTIVE");
            assertThat(browser.all(".toolbar summary")).extracting(WebElement::getText)
                    .contains("Record the goal achieved").doesNotContain("Approve the plan");

            visitTheTimeline(browser, plan, BARS_OF_THE_EXAMPLE);
            assertThat(options(browser.find("#baseline"))).containsExactly("none", "approved");
            new Select(browser.find("#baseline")).selectByVisibleText("approved");
            browser.find(".chart-controls button[type=submit]").click();
            browser.waitUntilPath("baseline=approved");
            WebElement chart = browser.find("#timeline-chart[data-drawn=true]");
            assertThat(chart.getDomAttribute("data-ghosts")).isEqualTo(BARS_OF_THE_EXAMPLE);
            assertThat(browser.find(".chart-controls a[download]").getDomAttribute("href")).contains("baseline=approved");
            browser.assertPageHealthy();
            browser.screenshot("states-approved-timeline-ghosts");

            new Select(browser.find("#baseline")).selectByVisibleText("none");
            browser.find(".chart-controls button[type=submit]").click();
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.url().endsWith("/timeline?baseline="));
            chart = browser.find("#timeline-chart[data-drawn=true]");
            assertThat(chart.getDomAttribute("data-ghosts")).isEqualTo("0");
            assertThat(browser.find(".chart-controls a[download]").getDomAttribute("href")).doesNotContain("baseline");
            browser.assertPageHealthy();

            visitTheTrend(browser, plan, TREND_LINES_OF_THE_EXAMPLE);
            visitTheHistory(browser, plan);
            visitTheComparison(browser, plan);
            visitTheListAndThePortfolio(browser, plan);
        }
        Api.Response csvWithoutBaseline = planner.get("/plans/" + planId + "/timeline.csv?baseline=");
        assertThat(csvWithoutBaseline.status()).as(csvWithoutBaseline.toString()).isEqualTo(200);
        assertThat(planner.get("/api/plans/" + planId + "/timeline?baseline=").status()).isEqualTo(400);
    }

    @Test
    void anAchievedPlanIsReadOnlyAndShowsWhatWasReached() {
        Api planner = new Api(port, "planner");
        String planId = ExamplePlan.create(planner, portfolio);
        approve(planner, planId);
        String today = ServerTime.TODAY.toString();
        String prototype = ExamplePlan.milestoneId(planner, planId, PROTOTYPE);
        ok(planner.post("/api/plans/" + planId + "/milestones/" + prototype + "/reached", "{\"on\": \"" + today + "\"}"));
        ok(planner.post("/api/plans/" + planId + "/achieve", "{\"on\": \"" + today + "\"}"));
        JsonNode plan = current(planner, planId);
        try (Browser browser = Browser.open(port).signIn("planner")) {
            visitThePlan(browser, plan, "ACHIEVED");
            assertThat(browser.all(".toolbar")).isEmpty();
            assertThat(browser.all("details.edit")).isEmpty();
            assertThat(browser.text("li.milestone[data-milestone-name='Prototype'] .reached-mark"))
                    .isEqualTo("✓ reached " + today);

            visitTheTimeline(browser, plan, BARS_OF_THE_EXAMPLE);
            assertThat(browser.script("return document.querySelector('#timeline-rows').textContent")).asString()
                    .contains(today);
            browser.screenshot("states-achieved-timeline");
            visitTheTrend(browser, plan, TREND_LINES_OF_THE_EXAMPLE);
            browser.screenshot("states-achieved-trend");
            visitTheHistory(browser, plan);
            visitTheComparison(browser, plan);
            assertThat(browser.text("main")).contains("ACHIEVED");
            visitTheListAndThePortfolio(browser, plan);
        }
    }

    @Test
    void anAbandonedPlanIsReadOnlyAndItsHistorySaysWhy() {
        Api planner = new Api(port, "planner");
        String planId = ExamplePlan.create(planner, portfolio);
        approve(planner, planId);
        ok(planner.post("/api/plans/" + planId + "/abandon",
                "{\"reason\": {\"category\": \"SCOPE\", \"note\": \"Merged into the platform plan\"}}"));
        JsonNode plan = current(planner, planId);
        try (Browser browser = Browser.open(port).signIn("planner")) {
            visitThePlan(browser, plan, "ABANDONED");
            assertThat(browser.all(".toolbar")).isEmpty();
            assertThat(browser.all("details.edit")).isEmpty();

            visitTheTimeline(browser, plan, BARS_OF_THE_EXAMPLE);
            visitTheTrend(browser, plan, TREND_LINES_OF_THE_EXAMPLE);
            visitTheHistory(browser, plan);
            assertThat(browser.text("table.revisions")).contains("Merged into the platform plan");
            visitTheComparison(browser, plan);
            browser.screenshot("states-abandoned-compare");
            visitTheListAndThePortfolio(browser, plan);
        }
    }

    @Test
    void aTimelineAskedForABaselineThePlanDoesNotHaveSaysSoAndStillFinishesLoading() {
        Api planner = new Api(port, "planner");
        String planId = ExamplePlan.create(planner, portfolio);
        current(planner, planId);
        try (Browser browser = Browser.open(port).signIn("viewer")) {
            browser.go("/plans/" + planId + "/timeline?baseline=kick-off");
            assertThat(browser.text("#timeline-chart.problem"))
                    .contains("The chart could not be drawn", "This plan has no baseline named 'kick-off'");
            browser.assertPageHealthy("/api/plans/" + planId + "/timeline?baseline=kick-off");
            browser.screenshot("timeline-unknown-baseline");
        }
    }

    @Test
    void aStoreWithoutPlansSaysSoInThePlanListAndThePortfolio() {
        ConfigurableApplicationContext emptyStore = new SpringApplicationBuilder(BackcastApplication.class)
                .initializers(new ServerTime.Initializer())
                .profiles("it")
                .run("--server.port=0", "--backcast.embedded-db.directory="
                        + Path.of("target", "it-empty-" + UUID.randomUUID()).toAbsolutePath());
        try (Browser browser = Browser.open(((WebServerApplicationContext) emptyStore).getWebServer().getPort())
                .signIn("planner")) {
            browser.go("/plans");
            assertThat(browser.text("main .notice")).startsWith("No plan yet.");
            assertThat(browser.find("main .notice a").getDomAttribute("href")).isEqualTo("/plans/new");
            assertThat(browser.all("table.plans")).isEmpty();
            browser.assertPageHealthy();
            browser.screenshot("states-empty-store-plans");

            browser.go("/plans?status=ACTIVE");
            assertThat(browser.text("main .notice")).startsWith("No plan matches these filters.");
            browser.assertPageHealthy();

            browser.go("/portfolio");
            assertThat(browser.text("#portfolio-empty")).startsWith("No plan yet");
            assertThat(browser.all(".kpis")).isEmpty();
            browser.assertPageHealthy();
            browser.screenshot("states-empty-store-portfolio");

            browser.go("/portfolio?portfolio=Nowhere");
            assertThat(browser.text("#portfolio-empty")).isEqualTo("No plan in the portfolio Nowhere. Show all portfolios.");
            browser.assertPageHealthy();
        } finally {
            emptyStore.close();
        }
    }

    @Test
    void thePlanListPagesFiftyAtATimeAndFindsAPlanByAWordOfItsTitle() {
        Api planner = new Api(port, "planner");
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            plans.add(ExamplePlan.goalOnly(planner, portfolio));
        }
        String wanted = planner.get("/api/plans/" + plans.get(17) + "?minRevision=1").json().get("title").asText();
        planner.get("/api/plans/" + plans.get(50) + "?minRevision=1");
        try (Browser browser = Browser.open(port).signIn("viewer")) {
            browser.go("/plans?portfolio=" + URLEncoder.encode(portfolio, StandardCharsets.UTF_8));
            assertThat(browser.text("table.plans caption")).startsWith("51 plans, page 1 of 2");
            assertThat(browser.all("table.plans tbody tr")).hasSize(50);
            browser.assertPageHealthy();
            browser.find(".pager a[rel=next]").click();
            browser.waitUntilPath("page=1");
            assertThat(browser.all("table.plans tbody tr")).hasSize(1);
            browser.assertPageHealthy();

            browser.find("input[name=q]").sendKeys(wanted.substring("Example ".length(), "Example ".length() + 8));
            browser.find(".filters button[type=submit]").click();
            browser.waitUntilPath("q=");
            assertThat(browser.all("table.plans tbody tr th a")).extracting(WebElement::getText)
                    .containsExactly(wanted);
            browser.assertPageHealthy();
        }
    }

    private void visitThePlan(Browser browser, JsonNode plan, String status) {
        browser.go("/plans/" + plan.get("planId").asText());
        assertThat(browser.text("h1")).isEqualTo(plan.get("title").asText());
        assertThat(browser.text(".plan-facts .status")).isEqualTo(status);
        assertThat(browser.text(".plan-facts .revision")).contains("Revision " + plan.get("revision").asLong());
        browser.assertPageHealthy();
    }

    private void visitTheTimeline(Browser browser, JsonNode plan, String bars) {
        String planId = plan.get("planId").asText();
        browser.go("/plans/" + planId + "/timeline");
        WebElement chart = browser.find("#timeline-chart[data-drawn=true]");
        assertThat(chart.getDomAttribute("data-bars")).isEqualTo(bars);
        assertThat(chart.getDomAttribute("data-ghosts")).isEqualTo("0");
        assertThat(chart.getDomAttribute("data-timeline-url")).isEqualTo("/api/plans/" + planId + "/timeline");
        assertThat(browser.find(".chart-controls a[download]").getDomAttribute("href"))
                .isEqualTo("/plans/" + planId + "/timeline.csv");
        assertThat(options(browser.find("#baseline"))).containsExactlyElementsOf(baselineOptions(plan));
        browser.assertPageHealthy();
    }

    private void visitTheTrend(Browser browser, JsonNode plan, String lines) {
        browser.go("/plans/" + plan.get("planId").asText() + "/trend");
        WebElement chart = browser.find("#trend-chart[data-drawn=true]");
        assertThat(chart.getDomAttribute("data-lines")).isEqualTo(lines);
        assertThat(browser.all("#trend-rows tr")).hasSize(Integer.parseInt(lines));
        browser.assertPageHealthy();
    }

    private void visitTheHistory(Browser browser, JsonNode plan) {
        long revision = plan.get("revision").asLong();
        browser.go("/plans/" + plan.get("planId").asText() + "/history");
        assertThat(browser.text("#revision-caption")).contains("Revision " + revision + " of " + revision);
        assertThat(browser.all("table.revisions tbody tr")).hasSize((int) revision);
        browser.assertPageHealthy();
    }

    /** The history page's compare form, as it comes: the last revision against the one before. */
    private void visitTheComparison(Browser browser, JsonNode plan) {
        long revision = plan.get("revision").asLong();
        long before = Math.max(1, revision - 1);
        browser.find("form[aria-label='Compare two revisions'] button").click();
        browser.waitUntilPath("/compare");
        assertThat(browser.text("main h2")).isEqualTo("Revision " + before + " compared with revision " + revision);
        browser.assertPageHealthy();
    }

    private void visitTheListAndThePortfolio(Browser browser, JsonNode plan) {
        String title = plan.get("title").asText();
        String status = plan.get("status").asText();
        browser.go("/plans?portfolio=" + portfolio.replace(" ", "+"));
        WebElement row = browser.find("table.plans tbody tr");
        assertThat(row.getText()).contains(title, status);
        browser.assertPageHealthy();

        browser.go("/portfolio?portfolio=" + portfolio.replace(" ", "+"));
        assertThat(browser.text(".kpi .value")).as("plans in the portfolio").isEqualTo("1");
        assertThat(browser.text("section[aria-labelledby=rows-title] tbody")).contains(title, status);
        assertThat(browser.text("#moves-empty")).isEqualTo("No due date has moved yet.");
        browser.assertPageHealthy();
    }

    private static List<String> options(WebElement select) {
        return new Select(select).getOptions().stream().map(WebElement::getText).toList();
    }

    private static List<String> baselineOptions(JsonNode plan) {
        List<String> names = new ArrayList<>(List.of("none"));
        plan.get("baselines").forEach(baseline -> names.add(baseline.get("name").asText()));
        return names;
    }

    private static void approve(Api planner, String planId) {
        ok(planner.post("/api/plans/" + planId + "/metrics", """
                {"name": "Launches a day", "unit": "launches", "baselineValue": 0, "targetValue": 5,
                 "direction": "INCREASE"}"""));
        ok(planner.post("/api/plans/" + planId + "/approve", "{}"));
    }

    /** The plan as the pages will show it: every event written so far is in the read model. */
    private static JsonNode current(Api api, String planId) {
        int revision = PlanRequests.events(api, planId).size();
        Api.Response plan = api.get("/api/plans/" + planId + "?minRevision=" + revision);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return plan.json();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
