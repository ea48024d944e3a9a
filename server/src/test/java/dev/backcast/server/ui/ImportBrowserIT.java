package dev.backcast.server.ui;

import dev.backcast.server.BackcastIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A planner imports a schedule saved by Microsoft Project: picks the file, reads the preview, creates the plan, then
 * downloads it as Microsoft Project XML and subscribes to its calendar.
 */
@BackcastIntegrationTest
class ImportBrowserIT {

    private static final Path SCHEDULE = Path.of("src/test/resources/schedules/mpp9baseline.mpp").toAbsolutePath();

    @LocalServerPort
    int port;

    @Test
    void aPlannerPreviewsTheMappingOfAMicrosoftProjectFileAndCreatesThePlan() {
        try (Browser browser = Browser.open(port).signIn("planner")) {
            browser.go("/plans");
            browser.find("a[href='/plans/import']").click();
            browser.find("#file").sendKeys(SCHEDULE.toString());
            browser.find("#portfolio").sendKeys("Imported in the browser");
            assertThat(browser.find("button[data-action='create']").isEnabled()).isFalse();
            browser.find("button[data-action='preview']").click();

            WebElement preview = browser.find("#import-preview");
            assertThat(preview.findElement(By.tagName("h2")).getText()).isEqualTo("Preview: MPP12BaselineTest-9");
            assertThat(preview.getText()).contains("Microsoft Project MPP", "2006-09-14",
                    "working days, Monday to Friday", "Baseline (target 2006-09-13)", "Resource assignments");
            List<WebElement> rows = browser.all("table.import-mapping tbody tr");
            assertThat(rows).hasSize(9);
            assertThat(rows.get(0).getText()).contains("Base Task › Subtask 1", "2006-08-28");
            browser.assertPageHealthy();
            browser.screenshot("import-preview");

            browser.find("button[data-action='create']").click();
            browser.waitUntilPath("minRevision=");
            assertThat(browser.text("h1")).contains("MPP12BaselineTest-9");
            assertThat(browser.driver().getPageSource()).contains("Base Task › Subtask 1", "DRAFT");
            browser.assertPageHealthy();
            browser.screenshot("import-created");

            browser.find("details.export-menu > summary").click();
            WebElement download = browser.find("a[href*='format=mspdi']");
            String exported = fetched(browser, download.getAttribute("href"), "same-origin");
            assertThat(exported).startsWith("<?xml").contains("<Project", "Base Task", "<FinishDate>");

            browser.find("button.calendar-link").click();
            String link = await().atMost(Duration.ofSeconds(10)).until(
                    () -> browser.find(".calendar-url").getAttribute("value"), value -> !value.isEmpty());
            assertThat(link).contains("/calendar.ics?token=bc_");
            assertThat(fetched(browser, link, "omit")).startsWith("BEGIN:VCALENDAR")
                    .contains("SUMMARY:MPP12BaselineTest-9: target date");
            browser.assertPageHealthy();
            browser.screenshot("import-export-menu");
        }
    }

    /** The body the browser gets for {@code url}, with the session's cookies or without any. */
    private static String fetched(Browser browser, String url, String credentials) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: arguments[1]}).then(response => response.text()).then(done,
                    failure => done('failed: ' + failure));""", url, credentials);
    }

    @Test
    void aFileThatIsNotAScheduleIsRefusedOnThePageWithTheReason() {
        try (Browser browser = Browser.open(port).signIn("planner")) {
            browser.go("/plans/import");
            browser.find("#file").sendKeys(Path.of("src/test/resources/schedules/README.md").toAbsolutePath()
                    .toString());
            browser.find("button[data-action='preview']").click();

            assertThat(browser.text(".form-problem")).contains("not a schedule Backcast can read");
            assertThat(browser.all("#import-preview").get(0).isDisplayed()).isFalse();
            browser.assertPageHealthy("/api/plans/imports/preview");
        }
    }
}
