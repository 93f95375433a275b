package org.dreamdiary.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver by Selenium. Both are named by path, so Selenium
 * never looks for (or downloads) a browser or a driver of its own; a machine without them fails the test saying
 * what to install. Each instance has its own temporary profile, removed on {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** How long one script or one condition may take: far above what it needs, so a busy machine does not flake. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Selenium looks for a DevTools binding matching the browser's version and warns when there is none; the test
     * speaks WebDriver only, so no binding is on the class path and the warning says nothing.
     */
    private static final Logger DEVTOOLS_LOOKUP = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    /**
     * Calls a global async function of the page with the arguments before the callback, and hands back the outcome
     * as JSON text: {@code {"value": ...}} or {@code {"error": ...}}.
     */
    private static final String CALL_PAGE_FUNCTION = """
            const done = arguments[arguments.length - 1];
            const [name, ...args] = Array.from(arguments).slice(0, -1);
            Promise.resolve()
                .then(() => window[name](...args))
                .then(value => done(JSON.stringify({value: value === undefined ? null : value})),
                      error => done(JSON.stringify({error: String(error && error.stack || error)})));
            """;

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static HeadlessChromium start() {
        for (Path program : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " is missing: the browser tests drive Debian's Chromium through its"
                        + " chromedriver; install them with: apt-get install chromium chromium-driver");
            }
        }
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                // --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,1024", "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT).pageLoadTimeout(WAIT);
            return new HeadlessChromium(profile, driver);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /** Loads {@code url} and returns once its load event has fired. */
    HeadlessChromium open(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Runs the page's async function {@code name} with these arguments (JSON-like values) and returns what its promise
     * resolves to; a rejection, or no answer within {@link #WAIT}, fails the test.
     */
    JsonNode call(String name, Object... args) {
        Object[] arguments = Stream.concat(Stream.of(name), Stream.of(args)).toArray();
        JsonNode outcome = parse((String) driver.executeAsyncScript(CALL_PAGE_FUNCTION, arguments));
        if (outcome.has("error")) {
            throw new AssertionError(name + " failed in the page " + driver.getCurrentUrl() + ": "
                    + outcome.get("error").asText());
        }
        return outcome.get("value");
    }

    /** Waits, bounded by {@link #WAIT}, until {@code condition} gives something other than null or false. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, POLL).until(condition::apply);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.OFF);
        return logger;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the page answered something other than JSON: " + json, e);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("dream-diary-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
