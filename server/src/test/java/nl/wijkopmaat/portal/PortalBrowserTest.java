package nl.wijkopmaat.portal;

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
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in real headless Chromium ({@link PortalBrowser}): a resident registers, confirms the
 * address, creates, corrects and submits an initiative, a neighbour supports it, and the wijk page
 * shows it, while a visitor sees no draft. Every page passes axe-core's WCAG 2.1 A and AA rules; the
 * wijk page is photographed at 320 and 1280 pixels wide.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Mailbox mailbox;
    @Inject
    Api api;

    PortalBrowser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = PortalBrowser.start(server.getPort());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
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

        browser.signOut();
        browser.open("/");
        browser.assertAccessible();
        browser.open("/registreren");
        browser.assertAccessible();
        browser.type("email", email);
        browser.type("displayName", "Fatima de Vries");
        browser.type("password", password);
        new Select(browser.driver().findElement(By.id("municipalityId"))).selectByValue(municipality.id().toString());
        new Select(browser.driver().findElement(By.id("buurtId"))).selectByValue(wijk.buurten().get(0).id().toString());
        browser.submit("Account aanmaken");
        assertThat(browser.mainText()).contains("Kijk in uw mail");

        browser.open("/account/bevestigen?token=" + mailbox.lastWithToken(email).token());
        browser.assertAccessible();
        browser.submit("Bevestigen");
        assertThat(browser.mainText()).contains("Uw account is bevestigd");

        browser.signIn(email, password);
        browser.open("/mijn/initiatieven/nieuw");
        browser.assertAccessible();
        browser.type("title", "Kort");
        browser.type("description", "Een moestuin voor de hele straat, met een bak voor de kinderen.");
        new Select(browser.driver().findElement(By.id("theme"))).selectByValue("GROEN");
        new Select(browser.driver().findElement(By.id("buurtId"))).selectByValue(wijk.buurten().get(0).id().toString());
        browser.type("requestedBudget", "350,755");
        browser.submit("Opslaan");
        assertThat(browser.driver().findElement(By.id("title-error")).getText()).isNotBlank();
        assertThat(browser.driver().findElement(By.id("requestedBudget-error")).getText()).contains("twee cijfers achter de komma");
        assertThat(browser.driver().findElement(By.id("title")).getAttribute("aria-describedby")).contains("title-error");
        browser.assertAccessible();

        browser.type("title", "Moestuin in de Havenbuurt");
        browser.type("requestedBudget", "350,75");
        browser.submit("Opslaan");
        assertThat(browser.mainText()).contains("Uw initiatief is opgeslagen");
        browser.assertAccessible();
        browser.submit("Indienen");
        assertThat(browser.mainText()).contains("Moestuin in de Havenbuurt", "Ingediend");
        browser.assertAccessible();

        browser.signIn(neighbour.email(), Fixtures.PASSWORD);
        String wijkPath = "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name());
        browser.open(wijkPath);
        browser.follow("Moestuin in de Havenbuurt");
        browser.assertAccessible();
        browser.submit("Ik steun dit initiatief");
        assertThat(browser.mainText()).contains("1 bewoners steunen dit");
        browser.type("body", "Goed plan, ik help mee met spitten.");
        browser.submit("Reactie plaatsen");
        assertThat(browser.mainText()).contains("Goed plan, ik help mee met spitten.");
        browser.assertAccessible();

        browser.signOut();
        browser.open(wijkPath);
        assertThat(browser.mainText()).contains("Moestuin in de Havenbuurt", "1 bewoners steunen dit")
                .doesNotContain("Nog een geheim concept");
        browser.assertAccessible();
        browser.screenshot("wijk-1280.png", 1280);
        browser.screenshot("wijk-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.open("/toegankelijkheid");
        browser.assertAccessible();
        browser.open("/privacy");
        browser.assertAccessible();
    }
}
