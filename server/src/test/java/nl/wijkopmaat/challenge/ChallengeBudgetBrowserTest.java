package nl.wijkopmaat.challenge;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right to Challenge and the wijkbudget in real headless Chromium ({@link PortalBrowser}): a resident
 * opens a proposal from the wijk page and joins its group, is told so when a second join changes
 * nothing, and opens the wijk's budget account with its chart. Every page passes axe-core's WCAG 2.1
 * A and AA rules; the budget account fits 320 pixels without sideways scrolling.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeBudgetBrowserTest {

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

    @Test
    void aResidentJoinsAProposalsGroupAndReadsTheWijkbudget() throws IOException {
        ChallengeWorld world = new ChallengeWorld(api, fixtures);
        Proposal accepted = world.in("ACCEPTED");
        Proposal submitted = world.in("SUBMITTED");
        String acceptedTitle = world.get(accepted.contact(), accepted.id()).text("/title");
        String submittedTitle = world.get(submitted.contact(), submitted.id()).text("/title");
        Person admin = fixtures.withRole(world.municipality.id(), Role.ADMIN, world.municipality.id());
        int year = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).getYear();
        assertThat(api.put("/api/v1/wijkplatforms/" + world.wijk.wijkplatform().id() + "/budgets/" + year)
                .token(admin.accessToken()).json(Map.of("amountCents", 1_250_000)).send().status()).isEqualTo(200);
        Person resident = world.resident();
        String initiative = approvedInitiative(world, resident);
        assertThat(api.post("/api/v1/wijkplatforms/" + world.wijk.wijkplatform().id() + "/budgets/" + year + "/grants")
                .token(world.chair.accessToken()).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .json(Map.of("initiativeId", initiative, "amountCents", 150_000)).send().status()).isEqualTo(201);
        String wijkPath = "/" + Slugs.of(world.municipality.name()) + "/wijken/" + Slugs.of(world.wijk.name());

        browser.signIn(resident.email(), Fixtures.PASSWORD);
        browser.open(wijkPath);
        browser.assertAccessible();
        browser.follow(acceptedTitle);
        assertThat(browser.mainText()).contains(acceptedTitle, "Het wijkplatform steunt het voorstel", "Kwaliteit", "4 van 5");
        browser.assertAccessible();
        browser.submit("Ik doe mee");
        assertThat(browser.mainText()).contains("U bent lid van deze initiatiefgroep.", "3 leden");
        browser.assertAccessible();

        // Joined meanwhile on the phone: the page still offers the button, and the second join changes nothing.
        browser.open(wijkPath);
        browser.follow(submittedTitle);
        assertThat(world.join(resident, submitted.id()).status()).isEqualTo(201);
        browser.submit("Ik doe mee");
        assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
                .contains("U bent al lid van deze initiatiefgroep.");
        browser.assertAccessible();

        browser.open(wijkPath);
        browser.follow("Wijkbudget " + year);
        assertThat(browser.mainText()).contains("Wijkbudget " + world.wijk.name() + " " + year, "Toegewezen door de gemeente",
                "Speeltuin aan het Kerkplein");
        assertThat(browser.driver().findElement(By.cssSelector("svg[role=img] title")).getAttribute("textContent"))
                .contains("toegewezen, toegekend, uitbetaald en beschikbaar");
        browser.assertAccessible();
        browser.screenshot("wijkbudget-1280.png", 1280);
        browser.screenshot("wijkbudget-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
    }

    /** An initiative of the resident in the proposal's wijk, approved by the official, ready for a grant. */
    private String approvedInitiative(ChallengeWorld world, Person author) {
        String id = api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of("title", "Speeltuin aan het Kerkplein",
                "description", "Een speeltuin voor de kinderen van de buurt.", "theme", "JONGEREN",
                "wijkId", world.wijk.id().toString(), "requestedBudgetCents", 150_000)).send().text("/id");
        assertThat(api.post("/api/v1/initiatives/" + id + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send().status()).isBetween(200, 201);
        assertThat(api.put("/api/v1/initiatives/" + id + "/owner").token(world.official.accessToken())
                .json(Map.of("ownerId", world.official.id().toString())).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/initiatives/" + id + "/reviews").token(world.official.accessToken())
                .json(Map.of("decision", "APPROVE")).send().status()).isBetween(200, 201);
        return id;
    }
}
