package nl.wijkopmaat.dialoogtafel;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalBrowser;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisers' workspaces in real headless Chromium ({@link PortalBrowser}): a chair plans a
 * dialoogtafel through the pages (first with a date that does not exist), records the attendance
 * once it started, offers volunteering and adds a shift. Every workspace page passes axe-core's
 * WCAG 2.1 A and AA rules, also with a form error; the lists fit 320 pixels wide.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganiserBrowserTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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

    private void choose(String select, String value) {
        new Select(browser.driver().findElement(By.id(select))).selectByValue(value);
    }

    @Test
    void aChairPlansADialoogtafelRecordsTheAttendanceAndAddsAShift() throws IOException {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Havenkwartier");
        Person chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        Person resident = fixtures.resident(municipality.id());
        // Two hours from now, on one day (late in the evening: tomorrow morning).
        ZonedDateTime soon = ZonedDateTime.now(AMSTERDAM).plusHours(2).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime start = soon.getHour() >= 22 ? soon.plusDays(1).withHour(10) : soon;

        browser.signIn(chair.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.assertAccessible();
        browser.follow("Dialoogtafels organiseren");
        assertThat(browser.mainText()).contains("Er zijn nog geen dialoogtafels in deze periode.");
        browser.assertAccessible();
        browser.follow("Nieuwe dialoogtafel plannen");
        browser.assertAccessible();
        browser.type("title", "Samen over de haven praten");
        browser.type("description", "Wat kan er beter aan de kade?");
        choose("theme", "LEEFBAARHEID");
        browser.type("date", "31-02-" + start.getYear());
        browser.type("startTime", DateTimeFormatter.ofPattern("HH:mm").format(start));
        browser.type("endTime", DateTimeFormatter.ofPattern("HH:mm").format(start.plusHours(1)));
        browser.type("placeName", "Buurthuis De Kade");
        browser.type("placeAddress", "Kade 12, Maassluis");
        browser.type("capacity", "8");
        browser.submit("Dialoogtafel plannen");
        assertThat(browser.mainText()).contains("Controleer de volgende velden", "vul een datum in als dd-mm-jjjj");
        browser.assertAccessible();
        browser.type("date", DateTimeFormatter.ofPattern("d-M-yyyy").format(start));
        browser.submit("Dialoogtafel plannen");
        assertThat(browser.mainText()).contains("Opgeslagen.", "Samen over de haven praten", "Nog 8 van 8 plaatsen vrij");
        browser.assertAccessible();
        String detail = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        String table = detail.substring(detail.lastIndexOf('/') + 1);
        ApiResponse shown = api.get("/api/v1/dialoogtafels/" + table).send();
        assertThat(Instant.parse(shown.text("/startsAt"))).isEqualTo(start.toInstant());

        browser.follow("Wijzigen");
        assertThat(browser.mainText()).contains("Samen over de haven praten wijzigen");
        browser.assertAccessible();
        browser.open(detail + "/afgelasten");
        browser.assertAccessible();

        String registration = api.post("/api/v1/dialoogtafels/" + table + "/registrations").token(resident.accessToken())
                .send().text("/id");
        clock.setTo(start.toInstant().plus(Duration.ofMinutes(30)));
        browser.open(detail);
        choose("attendance-" + registration, "PRESENT");
        browser.submit("Aanwezigheid opslaan");
        assertThat(browser.mainText()).contains("Opgeslagen.");
        browser.assertAccessible();
        assertThat(api.get("/api/v1/dialoogtafels/" + table + "/registrations").token(chair.accessToken()).send()
                .text("/items/0/attendance")).isEqualTo("PRESENT");
        clock.setTo(start.toInstant().plus(Duration.ofHours(2)));
        browser.open(detail);
        browser.follow("Verslag publiceren");
        browser.assertAccessible();
        browser.open("/werkplek/dialoogtafels");
        assertThat(browser.mainText()).contains("Samen over de haven praten");
        browser.screenshot("werkplek-dialoogtafels-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        clock.reset();

        browser.open("/werkplek");
        browser.follow("Vrijwilligerswerk organiseren");
        browser.assertAccessible();
        browser.follow("Nieuw vrijwilligerswerk aanbieden");
        browser.assertAccessible();
        browser.type("title", "Buurtmaaltijd in de haven");
        browser.type("description", "Samen koken en eten met de buren.");
        browser.type("skills", "koken");
        browser.submit("Vrijwilligerswerk aanbieden");
        assertThat(browser.mainText()).contains("Opgeslagen.", "Buurtmaaltijd in de haven", "koken");
        browser.assertAccessible();
        browser.follow("Vrijwilligerswerk wijzigen");
        browser.assertAccessible();
        browser.driver().navigate().back();
        browser.follow("Dienst toevoegen");
        browser.assertAccessible();
        browser.type("date", DateTimeFormatter.ofPattern("dd-MM-yyyy").format(start));
        browser.type("startTime", DateTimeFormatter.ofPattern("HH:mm").format(start));
        browser.type("endTime", DateTimeFormatter.ofPattern("HH:mm").format(start.plusHours(1)));
        browser.type("capacity", "4");
        browser.type("place", "Buurthuis De Kade");
        browser.submit("Dienst toevoegen");
        assertThat(browser.mainText()).contains("Opgeslagen.", "Buurthuis De Kade", "4 van 4");
        browser.assertAccessible();
        String shiftPage = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        String shift = shiftPage.substring(shiftPage.lastIndexOf('/') + 1);
        browser.follow("Dienst wijzigen");
        browser.assertAccessible();
        assertThat(api.post("/api/v1/shifts/" + shift + "/signups").token(resident.accessToken()).send().status()).isEqualTo(201);
        clock.setTo(start.toInstant().plus(Duration.ofHours(2)));
        browser.open(shiftPage);
        browser.type("minutes-" + resident.id(), "60");
        browser.submit("Uren bevestigen");
        assertThat(browser.mainText()).contains("Opgeslagen.");
        browser.assertAccessible();
        assertThat(api.get("/api/v1/shifts/" + shift + "/signups").token(chair.accessToken()).send().text("/items/0/outcome"))
                .isEqualTo("PRESENT");
        browser.open("/werkplek/vrijwilligerswerk");
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
    }
}
