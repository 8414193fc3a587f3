package nl.wijkopmaat.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin workspace in headless Chromium: from /werkplek to the hub, a wijkplatform's board where
 * the admin assigns a chair, the wijkbudget where an amount is refused and then allocated, and every
 * other page of the workspace, each passing axe-core's WCAG 2.1 A and AA rules.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminWorkspaceBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

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
    void anAdminAssignsAChairAndAllocatesAYearlyAmount() {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Noord", "Zuid");
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        Person chair = fixtures.resident(municipality.id());
        String base = "/werkplek/beheer/" + municipality.id();
        int year = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();

        browser.signIn(admin.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.follow("Beheer " + municipality.name());
        assertThat(browser.mainText()).contains("Wijken, buurten en wijkplatforms", "Wijkbudgetten", "Participatiemonitor");
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        browser.follow("Wijken, buurten en wijkplatforms");
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.follow(wijk.wijkplatform().name());
        browser.assertAccessible();
        browser.type("chairEmail", "geen-adres");
        browser.submit("Bestuur opslaan");
        assertThat(browser.driver().findElement(By.id("chairEmail-error")).getText()).isEqualTo("moet een geldig e-mailadres zijn");
        browser.assertAccessible();
        browser.type("chairEmail", chair.email());
        browser.submit("Bestuur opslaan");
        assertThat(browser.mainText()).contains("De wijziging is opgeslagen.", "Voorzitter: ", chair.email());
        assertThat(api.get("/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members").token(admin.accessToken()).send()
                .json().get("items").get(0).get("email").asText()).isEqualTo(chair.email());
        browser.assertAccessible();

        browser.follow("Wijkbudget van dit wijkplatform");
        browser.assertAccessible();
        browser.type("amount", "12,505");
        browser.submit("Bedrag opslaan");
        assertThat(browser.driver().findElement(By.id("amount-error")).getText())
                .isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        browser.assertAccessible();
        browser.type("amount", "25.000,50");
        browser.submit("Bedrag opslaan");
        assertThat(browser.mainText()).contains("€ 25.000,50");
        assertThat(api.get("/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/budgets/" + year).send().json()
                .get("allocatedCents").asLong()).isEqualTo(2_500_050);

        browser.open(base + "/wijken/" + wijk.id());
        browser.assertAccessible();
        browser.follow("Noord hernoemen");
        browser.assertAccessible();
        browser.open(base + "/medewerkers");
        browser.assertAccessible();
        browser.open(base + "/rolwijzigingen");
        assertThat(browser.mainText()).contains(chair.email(), "Gekregen");
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.open(base + "/wijkbudget");
        browser.assertAccessible();
        browser.open(base + "/monitor");
        new Select(browser.driver().findElement(By.id("indicator"))).selectByValue("ACTIVE_SHARE");
        new Select(browser.driver().findElement(By.id("comparison"))).selectByValue("AT_LEAST");
        browser.type("targetPercent", "20,55");
        browser.submit("Doel opslaan");
        assertThat(browser.driver().findElement(By.id("targetPercent-error")).getText()).isNotBlank();
        browser.assertAccessible();
    }
}
