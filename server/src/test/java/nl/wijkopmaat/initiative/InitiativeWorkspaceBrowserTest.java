package nl.wijkopmaat.initiative;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.PortalBrowser;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initiative workspaces in headless Chromium: an official finds a submitted initiative among what
 * waits on the municipality, takes it as owner (after forgetting to choose one), finds it in their own
 * queue beside an overdue one, is told a rejection needs a reason, and approves it; the chair's page
 * shows what is overdue in the wijk. Every page passes axe-core, also those with a form error.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InitiativeWorkspaceBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Api api;
    @Inject
    TestClock clock;

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String submitted(InitiativeWorld world, String title) {
        ApiResponse created = api.post("/api/v1/initiatives").token(world.author.accessToken()).json(world.content(title)).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(world.status(world.author, id, "SUBMIT").status()).isEqualTo(201);
        return id;
    }

    @Test
    void anOfficialTakesAnInitiativeAsOwnerAndApprovesItThroughThePages() throws IOException {
        InitiativeWorld world = new InitiativeWorld(api, fixtures);
        clock.setTo(ZonedDateTime.parse("2026-11-02T10:00:00+01:00[Europe/Amsterdam]").toInstant());
        String overdue = submitted(world, "Bankjes bij de vijver plaatsen");
        assertThat(world.assignOwner(world.official, overdue).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(20));
        String id = submitted(world, "Speeltuin opknappen aan de Haven");

        browser.signIn(world.official.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.assertAccessible();
        browser.follow("Wacht op de gemeente");
        browser.assertAccessible();
        assertThat(browser.mainText()).contains("Speeltuin opknappen aan de Haven", "Bankjes bij de vijver plaatsen", "Te laat");
        browser.screenshot("initiative-waiting-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        browser.follow("Speeltuin opknappen aan de Haven");
        browser.assertAccessible();
        browser.submit("Eigenaar toewijzen");
        assertThat(browser.driver().findElement(By.id("ownerId-error")).getText()).isEqualTo("is verplicht");
        browser.assertAccessible();
        new Select(browser.driver().findElement(By.id("ownerId"))).selectByValue(world.official.id().toString());
        browser.submit("Eigenaar toewijzen");
        assertThat(browser.mainText()).contains("De eigenaar is toegewezen.", "In behandeling");
        browser.assertAccessible();

        // "Mijn initiatieven" is also the resident's own list in the menu: the card's link is the queue.
        browser.open("/werkplek");
        browser.driver().findElement(By.cssSelector("main a[href='/werkplek/gemeente/" + world.municipality.id() + "/initiatieven']"))
                .click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith("/initiatieven"));
        browser.assertAccessible();
        assertThat(browser.mainText()).contains("Te laat");
        assertThat(browser.scrollWidthAt(320)).isLessThanOrEqualTo(320);
        browser.follow("Speeltuin opknappen aan de Haven");
        browser.submit("Afwijzen");
        assertThat(browser.driver().findElement(By.id("reason-error")).getText())
                .isEqualTo("is verplicht bij afwijzen of om aanpassingen vragen");
        browser.assertAccessible();
        browser.submit("Goedkeuren");
        assertThat(browser.mainText()).contains("De beoordeling is vastgelegd.", "Goedgekeurd");
        browser.assertAccessible();
        assertThat(world.get(world.official, id).text("/status")).isEqualTo("APPROVED");

        browser.signIn(world.chair.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.follow("Initiatieven " + world.wijk.wijkplatform().name());
        browser.assertAccessible();
        assertThat(browser.mainText()).contains("Bankjes bij de vijver plaatsen", "Te laat");
        assertThat(browser.scrollWidthAt(320)).isLessThanOrEqualTo(320);
    }
}
