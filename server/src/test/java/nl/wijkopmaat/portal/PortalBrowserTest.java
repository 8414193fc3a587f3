package nl.wijkopmaat.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.Mailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in real headless Chromium (Debian's chromium and chromium-driver): a resident
 * registers, confirms the address, creates, corrects and submits an initiative, a neighbour supports
 * it, and the wijk page shows it, while a visitor sees no draft. Every page passes axe-core's WCAG
 * 2.1 A and AA rules; the wijk page is photographed at 320 and 1280 pixels wide.
 *
 * <p>Without Chromium the test is skipped; {@code WIJKOPMAAT_BROWSER_TESTS=required} (set by
 * {@code .ci/run}) makes a missing browser a failure.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Mailbox mailbox;
    @Inject
    Api api;

    ChromeDriver browser;
    String base;

    @BeforeAll
    void startBrowser() throws IOException {
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
        browser = new ChromeDriver(service, options);
        base = "http://localhost:" + server.getPort();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get(base + path);
    }

    private void type(String field, String text) {
        WebElement element = browser.findElement(By.id(field));
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks the button and waits for the page the form leads to. */
    private void submit(String buttonText) {
        WebElement button = browser.findElements(By.cssSelector("main button[type=submit]")).stream()
                .filter(candidate -> candidate.getText().strip().equalsIgnoreCase(buttonText)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + buttonText + "' on " + browser.getCurrentUrl() + " among "
                        + browser.findElements(By.tagName("button")).stream().map(b -> "[" + b.getText() + "]").toList()));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    }

    private String mainText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as("axe-core WCAG 2.1 A/AA violations on %s: %s", browser.getCurrentUrl(), violations.stream()
                        .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    private void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        open("/inloggen");
        assertAccessible();
        type("email", email);
        type("password", password);
        submit("Inloggen");
        assertThat(browser.findElements(By.cssSelector("a[href='/mijn/gegevens']"))).isNotEmpty();
    }

    private void screenshot(String name, int width) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 900));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void aResidentRegistersSubmitsAnInitiativeANeighbourSupportsItAndTheWijkShowsIt() throws IOException {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Havenbuurt");
        Person neighbour = fixtures.resident(municipality.id());
        Person other = fixtures.resident(municipality.id());
        api.post("/api/v1/initiatives").token(other.accessToken()).json(Map.of("title", "Nog een geheim concept",
                "description", "Nog niet af.", "theme", "CULTUUR", "wijkId", wijk.id().toString(),
                "requestedBudgetCents", 0)).send();
        String email = "portaal-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String password = "een lange zin als wachtwoord";

        browser.manage().deleteAllCookies();
        open("/");
        assertAccessible();
        open("/registreren");
        assertAccessible();
        type("email", email);
        type("displayName", "Fatima de Vries");
        type("password", password);
        new Select(browser.findElement(By.id("municipalityId"))).selectByValue(municipality.id().toString());
        new Select(browser.findElement(By.id("buurtId"))).selectByValue(wijk.buurten().get(0).id().toString());
        submit("Account aanmaken");
        assertThat(mainText()).contains("Kijk in uw mail");

        open("/account/bevestigen?token=" + mailbox.lastWithToken(email).token());
        assertAccessible();
        submit("Bevestigen");
        assertThat(mainText()).contains("Uw account is bevestigd");

        signIn(email, password);
        open("/mijn/initiatieven/nieuw");
        assertAccessible();
        type("title", "Kort");
        type("description", "Een moestuin voor de hele straat, met een bak voor de kinderen.");
        new Select(browser.findElement(By.id("theme"))).selectByValue("GROEN");
        new Select(browser.findElement(By.id("buurtId"))).selectByValue(wijk.buurten().get(0).id().toString());
        type("requestedBudget", "350,755");
        submit("Opslaan");
        assertThat(browser.findElement(By.id("title-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("requestedBudget-error")).getText()).contains("twee cijfers achter de komma");
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-describedby")).contains("title-error");
        assertAccessible();

        type("title", "Moestuin in de Havenbuurt");
        type("requestedBudget", "350,75");
        submit("Opslaan");
        assertThat(mainText()).contains("Uw initiatief is opgeslagen");
        assertAccessible();
        submit("Indienen");
        assertThat(mainText()).contains("Moestuin in de Havenbuurt", "Ingediend");
        assertAccessible();

        signIn(neighbour.email(), Fixtures.PASSWORD);
        String wijkPath = "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name());
        open(wijkPath);
        WebElement link = browser.findElement(By.linkText("Moestuin in de Havenbuurt"));
        link.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(link));
        assertAccessible();
        submit("Ik steun dit initiatief");
        assertThat(mainText()).contains("1 bewoners steunen dit");
        type("body", "Goed plan, ik help mee met spitten.");
        submit("Reactie plaatsen");
        assertThat(mainText()).contains("Goed plan, ik help mee met spitten.");
        assertAccessible();

        browser.manage().deleteAllCookies();
        open(wijkPath);
        assertThat(mainText()).contains("Moestuin in de Havenbuurt", "1 bewoners steunen dit")
                .doesNotContain("Nog een geheim concept");
        assertAccessible();
        screenshot("wijk-1280.png", 1280);
        screenshot("wijk-320.png", 320);
        browser.manage().window().setSize(new Dimension(320, 900));
        assertAccessible();
        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/toegankelijkheid");
        assertAccessible();
        open("/privacy");
        assertAccessible();
    }
}
