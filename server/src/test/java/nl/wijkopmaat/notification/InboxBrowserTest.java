package nl.wijkopmaat.notification;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
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
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox and the notification preferences in headless Chromium ({@link PortalBrowser}): an author
 * reads what happened to their initiative, marks it read, follows it, and changes their settings
 * (once wrongly); and the wijk page with its wijkplatform board. Every page passes axe-core's WCAG
 * 2.1 A and AA rules, and the inbox fits 320 pixels.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTest {

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
    void anAuthorReadsTheInboxFollowsTheInitiativeAndChangesTheSettings() throws IOException {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Havenbuurt");
        Person author = fixtures.resident(municipality.id());
        Person official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        Map<String, Object> content = new HashMap<>(Map.of("title", "Buurtbibliotheek bij de haven",
                "description", "Een kast om boeken te ruilen, met een lange beschrijving die op een smal scherm moet passen.",
                "theme", "CULTUUR", "wijkId", wijk.id().toString(), "requestedBudgetCents", 5_000));
        String initiativeId = api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send().text("/id");
        api.post("/api/v1/initiatives/" + initiativeId + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send();
        api.put("/api/v1/initiatives/" + initiativeId + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send();
        api.post("/api/v1/initiatives/" + initiativeId + "/reviews").token(official.accessToken())
                .json(Map.of("decision", "REQUEST_CHANGES", "reason", "Waar komt de kast?")).send();
        api.put("/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members").token(admin.accessToken())
                .json(Map.of("members", List.of(Map.of("email", official.email(), "role", "CHAIR")))).send();
        api.patch("/api/v1/wijkplatforms/" + wijk.wijkplatform().id()).token(admin.accessToken())
                .json(Map.of("contactEmail", "wijkplatform.havenbuurt-met-een-lang-adres@gemeente.example.org")).send();

        browser.signIn(author.email(), Fixtures.PASSWORD);
        browser.follow("Berichten");
        assertThat(browser.mainText()).contains("Ongelezen: 2", "Aanpassingen gevraagd", "Uw initiatief heeft een behandelaar");
        browser.assertAccessible();
        browser.screenshot("inbox-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        String firstId = api.get("/api/v1/notifications").token(author.accessToken()).send().text("/items/0/id");
        WebElement markRead = browser.driver().findElement(
                By.cssSelector("form[action='/mijn/berichten/" + firstId + "/gelezen'] button"));
        browser.clickThrough(markRead);
        assertThat(browser.mainText()).contains("Ongelezen: 1", "Gelezen");
        browser.assertAccessible();
        browser.submit("Alles als gelezen markeren");
        assertThat(browser.mainText()).contains("Ongelezen: 0");

        browser.driver().findElement(By.cssSelector("main a[href^='/" + Slugs.of(municipality.name()) + "/initiatieven/']")).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/initiatieven/" + initiativeId);
        assertThat(browser.mainText()).contains("Buurtbibliotheek bij de haven");

        browser.follow("Meldingen");
        browser.assertAccessible();
        browser.driver().findElement(By.id("push.reminders")).click();
        browser.type("quietHours.start", "tien uur");
        browser.submit("Opslaan");
        assertThat(browser.driver().findElement(By.id("quietHours.start-error")).getText()).isEqualTo("heeft niet de juiste vorm");
        assertThat(browser.driver().findElement(By.id("quietHours.start")).getAttribute("aria-describedby"))
                .contains("quietHours.start-error");
        browser.assertAccessible();
        browser.type("quietHours.start", "22:30");
        browser.submit("Opslaan");
        assertThat(browser.mainText()).contains("Uw instellingen zijn opgeslagen.");
        assertThat(browser.driver().findElement(By.id("push.reminders")).isSelected()).isFalse();
        browser.assertAccessible();
        assertThat(api.get("/api/v1/me/notification-preferences").token(author.accessToken()).send()
                .text("/quietHours/start")).isEqualTo("22:30");

        browser.signOut();
        browser.open("/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name()));
        assertThat(browser.mainText()).contains(wijk.wijkplatform().name(), "Voorzitter",
                "wijkplatform.havenbuurt-met-een-lang-adres@gemeente.example.org").doesNotContain(official.email());
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("the board fits 320 px").isLessThanOrEqualTo(320);
    }
}
