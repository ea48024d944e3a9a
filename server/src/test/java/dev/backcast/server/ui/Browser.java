package dev.backcast.server.ui;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium driven through its matching chromedriver, one profile per browser so that two browsers
 * are two sessions. Nothing is downloaded: without both binaries the tests fail in CI and are skipped elsewhere.
 * Chrome's network and console logs are kept, so that a test can check that its pages loaded without an error.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Puppeteer's "network idle": nothing in flight for half a second. */
    private static final Duration NETWORK_QUIET = Duration.ofMillis(500);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final PageLog log;

    private Browser(int port) throws IOException {
        profile = Files.createTempDirectory("backcast-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=en-GB",
                        "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        base = "http://localhost:" + port;
        log = new PageLog(base);
    }

    static Browser open(int port) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String missing = "Debian's chromium and chromium-driver are needed for the browser tests "
                    + "(apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            return new Browser(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Browser signIn(String user) {
        go("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(user);
        find("form button[type=submit]").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !driver.getCurrentUrl().contains("/login"));
        return this;
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(String css) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector(css)), element -> element.isDisplayed());
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits for the page a navigation leads to, by something only that page shows. */
    void waitUntilPath(String pathPart) {
        await().atMost(Duration.ofSeconds(15)).until(() -> driver.getCurrentUrl().contains(pathPart));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /**
     * Waits until the network is idle, then fails listing every page error, failed request and 4xx or 5xx answer since
     * the last check, except the problem answers the test provokes, which must have come.
     *
     * @param expectedProblemPaths the paths, with their query when the request had one, whose 4xx or 5xx answer is
     *                             expected
     */
    Browser assertPageHealthy(String... expectedProblemPaths) {
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                log.read(driver.manage().logs());
                return log.idleFor(NETWORK_QUIET);
            });
        } catch (ConditionTimeoutException stillLoading) {
            fail("The network never became idle on " + url() + "; still in flight: " + log.inFlight());
        }
        List<String> problems = log.problems(expectedProblemPaths);
        log.clear();
        if (!problems.isEmpty()) {
            fail("The pages up to " + url() + " had problems:\n  " + String.join("\n  ", problems));
        }
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    ChromeDriver driver() {
        return driver;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A profile left in the temporary directory harms nothing.
        }
    }
}
