package dev.backcast.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.server.Api;
import dev.backcast.server.BackcastIntegrationTest;
import dev.backcast.server.PlanRequests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.backcast.server.ui.ExamplePlan.BETA_DONE;
import static dev.backcast.server.ui.ExamplePlan.GA_READY;
import static dev.backcast.server.ui.ExamplePlan.PROTOTYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web pages in a real browser against the real server and PostgreSQL: what planners, viewers and analysts do,
 * each test leaving a screenshot in target/screenshots.
 */
@BackcastIntegrationTest
class BrowserIT {

    private static final String PORTFOLIO = "Browser tests";

    @LocalServerPort
    int port;

    @Test
    void aPlannerWritesThePressReleaseAndSeesTheReversePlanWorkedBackwards() {
        try (Browser browser = Browser.open(port).signIn("planner")) {
            assertThat(browser.text(".who")).contains("planner", "can change plans");
            browser.find("a[href='/plans/new']").click();
            browser.find("#title").sendKeys("Launch worked backwards in the browser");
            browser.find("#portfolio").sendKeys("Browser tests");
            browser.find("#targetDate").sendKeys("2027-06-30");
            browser.find("#headline").sendKeys("Customers launch in a day");
            browser.find("#problem").sendKeys("Launching takes a month of meetings.");
            browser.find("#solution").sendKeys("One checklist, worked backwards from the launch date.");
            browser.find("form.write button.primary").click();
            browser.waitUntilPath("minRevision=1");
            assertThat(browser.text("h2.headline")).isEqualTo("Customers launch in a day");

            addMilestone(browser, PROTOTYPE, 5, List.of());
            addMilestone(browser, BETA_DONE, 20, List.of(PROTOTYPE));
            addMilestone(browser, GA_READY, 10, List.of(BETA_DONE));

            assertDates(browser, GA_READY, "2027-06-30", "2027-06-20");
            assertDates(browser, BETA_DONE, "2027-06-20", "2027-05-31");
            assertDates(browser, PROTOTYPE, "2027-05-31", "2027-05-26");
            List<String> order = browser.all("li.milestone h3").stream().map(WebElement::getText).toList();
            assertThat(order).containsExactly(GA_READY, BETA_DONE, PROTOTYPE);
            browser.assertPageHealthy();
            browser.script("window.scrollTo(0, document.querySelector('.reverse-plan').offsetTop)");
            browser.screenshot("planner-creates-plan");
        }
    }

    @Test
    void aViewerReadsThePlanWithoutWriteControlsAndAForcedWriteShowsTheServersRefusal() {
        String planId = ExamplePlan.create(new Api(port, "planner"), PORTFOLIO);
        try (Browser browser = Browser.open(port).signIn("viewer")) {
            assertThat(browser.text(".who")).contains("viewer", "read only");
            assertThat(browser.all("a[href='/plans/new']")).isEmpty();
            browser.go("/plans/" + planId);
            assertDates(browser, GA_READY, "2027-06-30", "2027-06-20");
            assertThat(browser.all("form.write")).isEmpty();
            assertThat(browser.all(".toolbar")).isEmpty();
            assertThat(browser.all("details.edit")).isEmpty();
            browser.assertPageHealthy();

            browser.script("""
                    const form = document.createElement('form');
                    form.className = 'write';
                    form.dataset.method = 'POST';
                    form.dataset.url = '/api/plans/' + arguments[0] + '/milestones';
                    form.innerHTML = '<input name="name" value="Sneaked in"><p class="form-problem" role="alert"></p>';
                    document.querySelector('#main').prepend(form);
                    form.requestSubmit();""", planId);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.text(".form-problem").contains("403"));
            browser.assertPageHealthy("/api/plans/" + planId + "/milestones");
            browser.screenshot("viewer-read-only");
        }
        assertThat(new Api(port, "viewer").get("/api/plans/" + planId).json().get("milestones")).hasSize(3);
    }

    @Test
    void aRefinementStagesThreeChangesPreviewsTheirDatesAndCommitsThemAsOneChangeSet() {
        Api api = new Api(port, "planner");
        String planId = ExamplePlan.create(api, PORTFOLIO);
        long before = api.get("/api/plans/" + planId + "?minRevision=4").json().get("revision").asLong();
        try (Browser browser = Browser.open(port).signIn("planner")) {
            browser.go("/plans/" + planId).assertPageHealthy();
            browser.find("#start-refinement").click();
            assertThat(browser.find("#refinement").isDisplayed()).isTrue();

            WebElement beta = milestone(browser, BETA_DONE);
            beta.findElement(By.cssSelector("summary[aria-label='Edit milestone Beta done']")).click();
            WebElement lead = beta.findElement(By.cssSelector("input[name=leadTimeDays]"));
            lead.clear();
            lead.sendKeys("30");
            beta.findElement(By.cssSelector("form[data-op=reviseMilestone] button.stage")).click();

            WebElement prototype = milestone(browser, PROTOTYPE);
            prototype.findElement(By.cssSelector("summary[aria-label='Add a step to Prototype']")).click();
            prototype.findElement(By.cssSelector("form[data-op=addStep] input[name=description]")).sendKeys("Paper prototype");
            prototype.findElement(By.cssSelector("form[data-op=addStep] button.stage")).click();

            WebElement questions = browser.find("section.faq");
            questions.findElement(By.xpath(".//summary[text()='Raise a question']")).click();
            new Select(questions.findElement(By.cssSelector("select[name=kind]"))).selectByValue("SKEPTIC");
            questions.findElement(By.cssSelector("textarea[name=text]")).sendKeys("Is a month of beta enough?");
            questions.findElement(By.cssSelector("form[data-op=raiseQuestion] button.stage")).click();

            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("#staged li.staged-change").size() == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("#preview").contains("2027-05-21"));
            WebElement previewed = browser.find("#preview tr.effect-moved");
            assertThat(previewed.getText()).contains(PROTOTYPE, "2027-05-31", "2027-05-21");
            browser.find("#refinement input[name=message]").sendKeys("Beta feedback: a longer beta");
            new Select(browser.find("#refinement select[name='reason.category']")).selectByValue("FEEDBACK");
            browser.assertPageHealthy();
            browser.screenshot("refinement-staged");
            browser.find("#refinement button.primary").click();

            browser.waitUntilPath("minRevision=" + (before + 3));
            assertDates(browser, PROTOTYPE, "2027-05-21", "2027-05-16");
            assertThat(browser.text(".plan-facts .revision")).contains("Revision " + (before + 3));
            assertThat(browser.all("#refinement:not([hidden])")).isEmpty();
            browser.assertPageHealthy();
            browser.screenshot("refinement-committed");
        }
        JsonNode revisions = api.get("/api/plans/" + planId + "/revisions?fromRevision=" + (before + 1)).json()
                .get("items");
        assertThat(revisions).hasSize(3);
        Set<String> changeSets = new HashSet<>();
        revisions.forEach(entry -> {
            changeSets.add(entry.get("changeSetId").asText());
            assertThat(entry.get("changeSetMessage").asText()).isEqualTo("Beta feedback: a longer beta");
        });
        assertThat(changeSets).hasSize(1);
        assertThat(revisions.get(2).get("reason").get("category").asText()).isEqualTo("FEEDBACK");
    }

    @Test
    void aChangeBasedOnAStaleRevisionSaysWhoChangedWhatAndCanBeReappliedOnTop() {
        String planId = ExamplePlan.create(new Api(port, "planner"), PORTFOLIO);
        try (Browser planner = Browser.open(port).signIn("planner");
             Browser colleague = Browser.open(port).signIn("admin")) {
            planner.go("/plans/" + planId).assertPageHealthy();
            assertThat(planner.text(".plan-facts .revision")).contains("Revision 4");

            colleague.go("/plans/" + planId);
            WebElement ga = milestone(colleague, GA_READY);
            ga.findElement(By.cssSelector("summary[aria-label='Edit milestone GA ready']")).click();
            WebElement owner = ga.findElement(By.cssSelector("form[data-op=reviseMilestone] input[name=owner]"));
            owner.clear();
            owner.sendKeys("maria");
            new Select(ga.findElement(By.cssSelector("form[data-op=reviseMilestone] select[name='reason.category']")))
                    .selectByValue("RESOURCING");
            ga.findElement(By.cssSelector("form[data-op=reviseMilestone] button.primary")).click();
            colleague.waitUntilPath("minRevision=5");
            colleague.assertPageHealthy();

            planner.find("#add-milestone summary").click();
            planner.find("#add-milestone input[name=name]").sendKeys("Launch announced");
            planner.find("#add-milestone button.primary").click();
            WebElement stale = planner.find("#add-milestone .stale");
            assertThat(stale.getText()).contains("based on revision 4", "now at revision 5", "admin",
                    "RESOURCING");
            planner.assertPageHealthy("/api/plans/" + planId + "/milestones");
            planner.screenshot("stale-revision");
            stale.findElement(By.cssSelector("button.reapply")).click();

            planner.waitUntilPath("minRevision=6");
            assertThat(milestone(planner, "Launch announced").isDisplayed()).isTrue();
            assertThat(milestone(planner, GA_READY).getText()).contains("maria");
            planner.assertPageHealthy();
        }
    }

    @Test
    void theHistorySliderShowsTheWholePlanAsItStoodAtAnEarlierRevision() {
        Api api = new Api(port, "planner");
        String planId = ExamplePlan.create(api, PORTFOLIO);
        String gaReady = ExamplePlan.milestoneId(api, planId, GA_READY);
        assertThat(api.patch("/api/plans/" + planId + "/milestones/" + gaReady, """
                {"leadTimeDays": 15, "reason": {"category": "ESTIMATE", "note": "Launch checklist grew"}}""",
                "If-Match", "\"4\"").status()).isEqualTo(200);
        try (Browser browser = Browser.open(port).signIn("viewer")) {
            browser.go("/plans/" + planId + "/history");
            assertThat(browser.text("#revision-caption")).contains("Revision 5 of 5", "by planner");
            assertThat(browser.text("#plan-at-revision li[data-milestone-name='Beta done'] dd.due")).isEqualTo("2027-06-15");
            assertThat(browser.text("table.revisions")).contains("Launch checklist grew");
            browser.assertPageHealthy();

            browser.find("#revision-slider").sendKeys(Keys.ARROW_LEFT);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> browser.text("#revision-caption .at-revision-number").equals("4"));
            await().atMost(Duration.ofSeconds(10)).until(() -> browser
                    .text("#plan-at-revision li[data-milestone-name='Beta done'] dd.due").equals("2027-06-20"));
            assertThat(browser.text("#revision-caption")).contains("Revision 4 of 5", "by planner");
            assertThat(browser.text("#plan-at-revision li[data-milestone-name='Prototype'] dd.due")).isEqualTo("2027-05-31");
            browser.assertPageHealthy();
            browser.screenshot("history-slider");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrendChartDrawsOneLinePerMilestoneAndOneForTheGoal() {
        String planId = ExamplePlan.create(new Api(port, "planner"), PORTFOLIO);
        try (Browser browser = Browser.open(port).signIn("viewer")) {
            browser.go("/plans/" + planId + "/trend");
            WebElement chart = browser.find("#trend-chart[data-drawn=true]");
            assertThat(chart.getDomAttribute("data-lines")).isEqualTo("4");
            Object names = browser.script("""
                    return echarts.getInstanceByDom(arguments[0]).getOption().series
                        .filter(s => s.type === 'line' && !s.name.startsWith('Report date')).map(s => s.name);""",
                    chart);
            assertThat((List<Object>) names).containsExactlyInAnyOrder(GA_READY, BETA_DONE, PROTOTYPE, "Goal");
            assertThat(browser.all("#trend-rows tr")).hasSize(4);
            browser.assertPageHealthy();
            browser.screenshot("trend");
        }
    }

    @Test
    void theTimelineDrawsABaselinesBarsAsGhostsBehindTheCurrentOnes() {
        Api api = new Api(port, "planner");
        String planId = ExamplePlan.create(api, PORTFOLIO);
        assertThat(api.post("/api/plans/" + planId + "/baselines", "{\"name\": \"kick-off\"}").status()).isEqualTo(200);
        assertThat(api.patch("/api/plans/" + planId + "/milestones/" + ExamplePlan.milestoneId(api, planId, BETA_DONE), """
                {"leadTimeDays": 30, "reason": {"category": "ESTIMATE", "note": "Beta needs a month"}}""")
                .status()).isEqualTo(200);
        try (Browser browser = Browser.open(port).signIn("viewer")) {
            browser.go("/plans/" + planId + "/timeline?baseline=kick-off");
            WebElement chart = browser.find("#timeline-chart[data-drawn=true]");
            assertThat(chart.getDomAttribute("data-bars")).isEqualTo("3");
            assertThat(chart.getDomAttribute("data-ghosts")).isEqualTo("3");
            String prototypeRow = (String) browser.script(
                    "return [...document.querySelectorAll('#timeline-rows tr')].find(r => r.cells[0].textContent === 'Prototype').textContent;");
            assertThat(prototypeRow).contains("2027-05-16", "2027-05-21", "2027-05-31");
            browser.assertPageHealthy();
            browser.screenshot("timeline-baseline");
        }
    }

    @Test
    void aPlannerTriesAWhatIfOnABranchComparesItWithThePlanMergesItAndDiscardsAnother() {
        Api api = new Api(port, "planner");
        String planId = ExamplePlan.create(api, PORTFOLIO);
        try (Browser browser = Browser.open(port).signIn("planner")) {
            browser.go("/plans/" + planId);
            browser.find("details.what-if summary").click();
            browser.find("details.what-if input[name=name]").sendKeys("Beta takes a month");
            browser.find("details.what-if button.primary").click();
            browser.waitUntilPath("minRevision=1");
            assertThat(browser.text(".branch-banner")).contains("What-if branch", "Beta takes a month",
                    "never touch the plan of record");
            String branchId = browser.url().replaceAll(".*/plans/([0-9a-f-]{36}).*", "$1");
            assertThat(api.patch("/api/plans/" + planId + "/branches/" + branchId + "/milestones/"
                    + ExamplePlan.milestoneId(api, planId, BETA_DONE), """
                    {"leadTimeDays": 30, "reason": {"category": "ESTIMATE", "note": "Beta needs a month"}}""")
                    .status()).isEqualTo(200);

            browser.go("/plans/" + planId + "/branches/" + branchId + "/compare?minRevision=2");
            assertThat(browser.text("table.redline")).contains(BETA_DONE, "20", "30");
            assertThat(browser.all("table.both-timelines tr.differs")).isNotEmpty();
            browser.assertPageHealthy();
            browser.screenshot("branch-compare");

            browser.find("form.merge-branch button.primary").click();
            browser.waitUntilPath("/plans/" + planId + "?minRevision=");
            assertThat(browser.text(".reverse-plan")).contains(BETA_DONE);
            assertThat(browser.text("section.branches")).contains("Beta takes a month", "MERGED");
            browser.assertPageHealthy();
            browser.script("window.scrollTo(0, document.querySelector('section.branches').offsetTop - 200)");
            browser.screenshot("plan-with-branches");

            String second = PlanRequests.id(api.post("/api/plans/" + planId + "/branches",
                    "{\"name\": \"No prototype\"}"), "branchId");
            browser.go("/plans/" + planId + "/branches/" + second + "/compare?minRevision=1");
            browser.find("details.discard summary").click();
            assertThat(browser.find("form.discard-branch").getDomAttribute("data-revision"))
                    .as("the discard is checked against the branch's revision, not the plan's").isEqualTo("1");
            new Select(browser.find("form.discard-branch select[name='reason.category']")).selectByValue("SCOPE");
            browser.find("form.discard-branch input[name='reason.note']").sendKeys("The prototype stays");
            browser.find("form.discard-branch button.primary").click();
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.url().endsWith("/plans/" + planId));
            assertThat(browser.text("section.branches")).contains("No prototype", "DISCARDED");
            browser.assertPageHealthy();
        }
        assertThat(api.get("/api/plans/" + planId).json().get("milestones").toString()).contains("\"leadTimeDays\":30");
    }

    private static void addMilestone(Browser browser, String name, int leadTimeDays, List<String> predecessors) {
        browser.find("#add-milestone summary").click();
        browser.find("#add-milestone input[name=name]").sendKeys(name);
        WebElement lead = browser.find("#add-milestone input[name=leadTimeDays]");
        lead.clear();
        lead.sendKeys(String.valueOf(leadTimeDays));
        for (String predecessor : predecessors) {
            browser.find("#add-milestone").findElement(By.xpath(
                    ".//label[span[text()='" + predecessor + "']]/input")).click();
        }
        browser.find("#add-milestone button.primary").click();
        milestone(browser, name);
    }

    private static WebElement milestone(Browser browser, String name) {
        return browser.find("li.milestone[data-milestone-name='" + name + "']");
    }

    private static void assertDates(Browser browser, String milestone, String due, String startBy) {
        WebElement item = milestone(browser, milestone);
        assertThat(item.findElement(By.cssSelector("dd.due")).getText()).as(milestone + " due").isEqualTo(due);
        assertThat(item.findElement(By.cssSelector("dd.start-by")).getText()).as(milestone + " start by")
                .isEqualTo(startBy);
    }
}
