package nl.wijkopmaat.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in real headless Chromium (Debian's chromium and chromium-driver), as a Dutch resident's
 * browser: open pages, fill in and submit forms, and check every page with axe-core's WCAG 2.1 A and
 * AA rules.
 *
 * <p>Without Chromium the calling test is skipped; {@code WIJKOPMAAT_BROWSER_TESTS=required} (set by
 * {@code .ci/run}) makes a missing browser a failure.
 */
public final class PortalBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;

    private PortalBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser on the portal at this port, or the test skipped when Chromium is not installed. */
    public static PortalBrowser start(int port) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("WIJKOPMAAT_BROWSER_TESTS"))) {
            throw new IllegalStateException("Browser tests are required, but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(installed, "Browser tests skipped: install Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver) to run them, as .ci/run does");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("portal-chromium"), "--window-size=1280,900", "--lang=nl-NL");
        // A Dutch resident's browser: the portal answers in the language it asks for.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new PortalBrowser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void signOut() {
        driver.manage().deleteAllCookies();
    }

    public void type(String field, String text) {
        WebElement element = driver.findElement(By.id(field));
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks the button in the page's main content with this text and waits for the page it leads to. */
    public void submit(String buttonText) {
        WebElement button = driver.findElements(By.cssSelector("main button[type=submit]")).stream()
                .filter(candidate -> candidate.getText().strip().equalsIgnoreCase(buttonText)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + buttonText + "' on " + driver.getCurrentUrl() + " among "
                        + driver.findElements(By.tagName("button")).stream().map(b -> "[" + b.getText() + "]").toList()));
        button.click();
        waitUntilGone(button);
    }

    /** Follows the link with this text and waits for the page it leads to. */
    public void follow(String linkText) {
        WebElement link = driver.findElement(By.linkText(linkText));
        link.click();
        waitUntilGone(link);
    }

    /** Clicks an element that leads to another page (a button of one form among many) and waits for that page. */
    public void clickThrough(WebElement element) {
        element.click();
        waitUntilGone(element);
    }

    /**
     * Waits for the page an element was on to be replaced. While the next page replaces it, Chromium
     * may answer a question about the old element with "does not belong to the document" instead
     * of a stale reference: both mean the page is gone.
     */
    private void waitUntilGone(WebElement element) {
        new WebDriverWait(driver, PAGE_WAIT).until(ignored -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException replaced) {
                if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw replaced;
            }
        });
    }

    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as("axe-core WCAG 2.1 A/AA violations on %s: %s", driver.getCurrentUrl(), violations.stream()
                        .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    /** Signs in afresh (checking the sign-in page too) and lands on the start page. */
    public void signIn(String email, String password) {
        signOut();
        open("/inloggen");
        assertAccessible();
        type("email", email);
        type("password", password);
        submit("Inloggen");
        assertThat(driver.findElements(By.cssSelector("a[href='/mijn/gegevens']"))).isNotEmpty();
    }

    /** The page as it looks at this width, kept under target/portal-screenshots. */
    public void screenshot(String name, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Whether the page at this width fits without sideways scrolling (and passes axe there too). */
    public long scrollWidthAt(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        assertAccessible();
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        driver.manage().window().setSize(new Dimension(1280, 900));
        return scrollWidth;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
