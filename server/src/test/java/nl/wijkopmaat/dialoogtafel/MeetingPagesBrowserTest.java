package nl.wijkopmaat.dialoogtafel;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialoogtafel and volunteering pages in real headless Chromium ({@link PortalBrowser}): from the
 * wijk page a resident takes a seat at a dialoogtafel, is refused one at a table cancelled meanwhile,
 * and signs up for a volunteer shift. Every page passes axe-core's WCAG 2.1 A and AA rules; the
 * dialoogtafel page fits 320 pixels wide.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingPagesBrowserTest {

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
    void aResidentTakesASeatAtADialoogtafelAndSignsUpForAShift() throws IOException {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Havenkwartier");
        Person chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        Person resident = fixtures.resident(municipality.id());
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        String table = created(api.post("/api/v1/dialoogtafels").token(chair.accessToken())
                .json(table(wijk, "Samen over de haven praten", start, 8)).send());
        String cancelledLater = created(api.post("/api/v1/dialoogtafels").token(chair.accessToken())
                .json(table(wijk, "Veiligheid op de kade", start.plus(Duration.ofDays(1)), 8)).send());
        String opportunity = created(api.post("/api/v1/volunteer-opportunities").token(chair.accessToken())
                .json(Map.of("title", "Buurtmaaltijd in de haven", "description", "Samen koken en eten met de buren.",
                        "wijkId", wijk.id().toString(), "skills", List.of("koken"))).send());
        created(api.post("/api/v1/volunteer-opportunities/" + opportunity + "/shifts").token(chair.accessToken())
                .json(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(3)).toString(),
                        "capacity", 4, "place", "Buurthuis De Kade")).send());
        String wijkPath = "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name());

        browser.signIn(resident.email(), Fixtures.PASSWORD);
        browser.open(wijkPath);
        browser.assertAccessible();
        browser.follow("Samen over de haven praten");
        assertThat(browser.mainText()).contains("Samen over de haven praten", "Nog 8 van 8 plaatsen vrij", "Anouk Visser");
        browser.assertAccessible();
        browser.submit("Plaats nemen");
        assertThat(browser.mainText()).contains("U hebt een plaats aan deze dialoogtafel.", "Nog 7 van 8 plaatsen vrij");
        browser.assertAccessible();
        browser.screenshot("dialoogtafel-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        browser.open(wijkPath);
        browser.follow("Veiligheid op de kade");
        assertThat(api.post("/api/v1/dialoogtafels/" + cancelledLater + "/cancellation").token(chair.accessToken())
                .json(Map.of("reason", "De zaal is niet beschikbaar")).send().status()).isEqualTo(200);
        browser.submit("Plaats nemen");
        assertThat(browser.mainText()).contains("U kunt zich alleen aanmelden voor een dialoogtafel die nog niet begonnen is",
                "Reden: De zaal is niet beschikbaar");
        browser.assertAccessible();

        browser.open(wijkPath);
        browser.follow("Buurtmaaltijd in de haven");
        assertThat(browser.mainText()).contains("Buurtmaaltijd in de haven", "koken", "4 van 4");
        browser.assertAccessible();
        browser.submit("Aanmelden");
        assertThat(browser.mainText()).contains("U bent aangemeld.", "3 van 4");
        browser.assertAccessible();
        browser.screenshot("vrijwilligerswerk-320.png", 320);
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        assertThat(api.get("/api/v1/dialoogtafels/" + table).token(resident.accessToken()).send()
                .text("/myRegistration/status")).isEqualTo("CONFIRMED");
    }

    private static Map<String, Object> table(WijkDetail wijk, String title, Instant start, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Een gesprek over wat er in de wijk beter kan.");
        body.put("theme", "LEEFBAARHEID");
        body.put("wijkId", wijk.id().toString());
        body.put("place", Map.of("name", "Buurthuis De Kade", "address", "Kade 12, Maassluis"));
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofHours(2)).toString());
        body.put("capacity", capacity);
        body.put("facilitatorName", "Anouk Visser");
        return body;
    }

    private static String created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/id");
    }
}
