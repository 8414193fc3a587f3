package nl.wijkopmaat.budget;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;

import static nl.wijkopmaat.budget.BudgetWorld.YEAR;
import static nl.wijkopmaat.budget.BudgetWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's wijkbudget workspace in headless Chromium ({@link PortalBrowser}): the chair grants
 * money above the threshold to an approved initiative (after a typo in the amount), the secretary
 * confirms it, and the chair books a payout. Every page passes axe-core's WCAG 2.1 A and AA rules,
 * also with a form error; the year page fits 320 pixels.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetWorkspaceBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
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

    private String statusOf(BudgetWorld world, String initiativeTitle) {
        for (var grant : world.account(YEAR).json().get("grants")) {
            if (grant.get("initiativeTitle").asText().equals(initiativeTitle)) {
                return grant.get("status").asText();
            }
        }
        return null;
    }

    @Test
    void theChairGrantsMoneyToAnApprovedInitiativeAndTheSecretaryConfirmsIt() throws IOException {
        BudgetWorld world = new BudgetWorld(api, fixtures);
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        String title = api.get("/api/v1/initiatives/" + initiative).send().text("/title");
        String workspace = "Wijkbudget " + world.wijk.wijkplatform().name();

        browser.signIn(world.chair.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.assertAccessible();
        browser.follow(workspace);
        assertThat(browser.mainText()).contains(workspace + " " + YEAR, "Nog beschikbaar: € 10.000,00", "Vier ogen");
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        new Select(browser.driver().findElement(By.id("initiativeId"))).selectByValue(initiative);
        browser.type("amount", "3.000,005");
        browser.submit("Toekennen");
        assertThat(browser.driver().findElement(By.id("amount-error")).getText()).contains("twee cijfers achter de komma");
        assertThat(browser.driver().findElement(By.id("amount")).getAttribute("aria-describedby")).contains("amount-error");
        browser.assertAccessible();
        assertThat(world.account(YEAR).json().get("grants")).isEmpty();

        browser.type("amount", "3.000,00");
        browser.submit("Toekennen");
        assertThat(browser.mainText()).contains("Toekenning aan " + title, "Wacht op een tweede bestuurslid",
                "U kunt deze toekenning niet zelf bevestigen, wel annuleren.");
        browser.assertAccessible();
        assertThat(statusOf(world, title)).isEqualTo("PENDING");
        browser.follow(workspace + " " + YEAR);
        browser.follow("Kasboek " + YEAR + " bekijken");
        assertThat(browser.mainText()).contains("Toewijzing van de gemeente", "Gereserveerd voor een toekenning");
        browser.assertAccessible();

        browser.signIn(world.secretary.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.follow(workspace);
        browser.follow(title);
        assertThat(browser.mainText()).contains("U kunt haar bevestigen.");
        browser.assertAccessible();
        browser.submit("Bevestigen");
        assertThat(browser.mainText()).contains("Toegekend", "Bevestigd door");
        browser.assertAccessible();
        assertThat(statusOf(world, title)).isEqualTo("COMMITTED");

        browser.signIn(world.chair.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.follow(workspace);
        browser.follow(title);
        browser.type("payoutAmount", "1.000,00");
        browser.type("reference", "Factuur tuincentrum");
        browser.submit("Uitbetaling boeken");
        assertThat(browser.mainText()).contains("€ 2.000,00");
        browser.assertAccessible();
        assertThat(world.account(YEAR).json().get("paidCents").asLong()).isEqualTo(100_000);
    }
}
