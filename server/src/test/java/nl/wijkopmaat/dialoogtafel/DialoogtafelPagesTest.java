package nl.wijkopmaat.dialoogtafel;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static nl.wijkopmaat.dialoogtafel.DialoogtafelWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialoogtafel page through HTTP as a browser uses it: what the table is, its seats and waiting
 * list, its report; a resident takes a seat, waits for one or gives it back, each checked through the
 * JSON API; refusals are shown on the page and change nothing.
 */
@MicronautTest(transactional = false)
class DialoogtafelPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    DialoogtafelWorld world;

    @BeforeEach
    void world() {
        world = new DialoogtafelWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String path(String table) {
        return "/" + Slugs.of(world.municipality.name()) + "/dialoogtafels/" + table;
    }

    private PortalClient signedIn(Person person) {
        PortalClient client = new PortalClient(server.getURL().toString());
        client.get("/inloggen");
        Page signedIn = client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        return client;
    }

    private PortalClient visitor() {
        return new PortalClient(server.getURL().toString());
    }

    private JsonNode tableAs(Person person, String table) {
        return ok(world.tableAs(person, table)).json();
    }

    private int registrations(String table) {
        return ok(world.registrations(table)).json().get("items").size();
    }

    @Test
    void theWijkPageLinksEachTableToItsPageWhichShowsWhatTheApiShows() {
        String table = world.table(Duration.ofDays(3), 12);
        JsonNode shown = world.table(table).json();
        String wijkPath = "/" + Slugs.of(world.municipality.name()) + "/wijken/" + Slugs.of(world.wijk.name());

        assertThat(visitor().get(wijkPath).html()).contains("href=\"" + path(table) + "\">" + shown.get("title").asText() + "</a>");
        Page page = visitor().get(path(table));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(shown.get("title").asText(), "Een gesprek over hoe we elkaar in de wijk beter vinden.",
                "Eenzaamheid", "Gepland", "Buurthuis De Kade, Kade 12, Maassluis", "Online", "Anouk Visser",
                shown.at("/createdBy/displayName").asText(), "Nog 12 van 12 plaatsen vrij", "0 op de wachtlijst",
                "<time datetime=\"", "href=\"/api/v1/dialoogtafels/" + table + "/calendar\"",
                "href=\"" + wijkPath + "\"", "href=\"/inloggen?terug=" + path(table) + "\">Log in om mee te doen");
        assertThat(page.html()).as("the link is for participants only").doesNotContain(DialoogtafelWorld.LINK);
        assertThat(page.html()).doesNotContain("/aanmelden\"");

        PortalClient english = visitor();
        english.setCookie("wom_lang", "en");
        assertThat(english.get(path(table)).html()).contains("<html lang=\"en\"", "Take part", "Sign in to take part",
                "12 of 12 seats left", "Scheduled");
    }

    @Test
    void aResidentTakesASeatSeesItAndTheLinkAndGivesItBack() {
        String table = world.table(Duration.ofDays(2), 5);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        assertThat(browser.get(path(table)).html()).contains("Plaats nemen");

        Page taken = browser.post(path(table) + "/aanmelden", Map.of());

        assertThat(taken.status()).isEqualTo(303);
        assertThat(taken.header("Location")).isEqualTo(path(table) + "#deelnemen");
        JsonNode mine = tableAs(resident, table);
        assertThat(mine.at("/myRegistration/status").asText()).isEqualTo("CONFIRMED");
        assertThat(mine.get("seatsLeft").asInt()).isEqualTo(4);
        Page page = browser.get(path(table));
        assertThat(page.html()).contains("U hebt een plaats aan deze dialoogtafel.", "Nog 4 van 5 plaatsen vrij",
                DialoogtafelWorld.LINK, "Aanmelding intrekken");

        Page cancelled = browser.post(path(table) + "/afmelden", Map.of());

        assertThat(cancelled.status()).isEqualTo(303);
        JsonNode after = tableAs(resident, table);
        assertThat(after.get("myRegistration").isNull()).isTrue();
        assertThat(after.get("seatsLeft").asInt()).isEqualTo(5);
        assertThat(browser.get(path(table)).html()).contains("Plaats nemen").doesNotContain("U hebt een plaats");
    }

    @Test
    void aFullTablePutsTheResidentOnTheWaitingListWithTheirPlace() {
        String table = world.table(Duration.ofDays(2), 1);
        ok(world.register(world.resident(), table));
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        Page full = browser.get(path(table));
        assertThat(full.html()).contains("Nog 0 van 1 plaatsen vrij", "Alle plaatsen zijn bezet", ">Op de wachtlijst</button>");

        Page waiting = browser.post(path(table) + "/aanmelden", Map.of());

        assertThat(waiting.status()).isEqualTo(303);
        JsonNode mine = tableAs(resident, table);
        assertThat(mine.at("/myRegistration/status").asText()).isEqualTo("WAITLISTED");
        assertThat(mine.at("/myRegistration/waitlistPosition").asInt()).isEqualTo(1);
        assertThat(browser.get(path(table)).html()).contains("U staat op de wachtlijst, op plaats 1.", "1 op de wachtlijst",
                "Van de wachtlijst af").doesNotContain(DialoogtafelWorld.LINK);
    }

    @Test
    void aCancelledTableShowsItsReasonAndRefusesASeatOnThePageChangingNothing() {
        String table = world.table(Duration.ofDays(2), 5);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        browser.get(path(table));
        ok(api.post("/api/v1/dialoogtafels/" + table + "/cancellation").token(world.chair.accessToken())
                .json(Map.of("reason", "De gespreksleider is ziek")).send());

        Page refused = browser.post(path(table) + "/aanmelden", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html()).contains("utrecht-alert--error",
                "U kunt zich alleen aanmelden voor een dialoogtafel die nog niet begonnen is en niet is afgelast.",
                "Deze dialoogtafel is afgelast.", "Reden: De gespreksleider is ziek", "Aanmelden kan niet meer.");
        assertThat(registrations(table)).isZero();
        assertThat(tableAs(resident, table).get("myRegistration").isNull()).isTrue();
    }

    @Test
    void aResidentOfAnotherMunicipalityIsRefusedWithTheServicesMessage() {
        String table = world.table(Duration.ofDays(2), 5);
        MunicipalityView elsewhere = fixtures.municipality();
        Person stranger = fixtures.resident(elsewhere.id());
        PortalClient browser = signedIn(stranger);
        browser.get(path(table));

        Page refused = browser.post(path(table) + "/aanmelden", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("Je doet mee in de gemeente waar je geregistreerd bent.");
        assertThat(registrations(table)).isZero();
    }

    @Test
    void givingBackASeatOneDoesNotHaveShowsTheErrorAndChangesNothing() {
        String table = world.table(Duration.ofDays(2), 5);
        ok(world.register(world.resident(), table));
        PortalClient browser = signedIn(world.resident());
        browser.get(path(table));

        Page refused = browser.post(path(table) + "/afmelden", Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.html()).contains("U bent niet aangemeld voor deze dialoogtafel.");
        assertThat(registrations(table)).isEqualTo(1);
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefusedWith403AndTakesNoSeat() {
        String table = world.table(Duration.ofDays(2), 5);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        browser.get(path(table));

        assertThat(browser.postRaw(path(table) + "/aanmelden", Map.of()).status()).isEqualTo(403);
        assertThat(browser.postRaw(path(table) + "/aanmelden", Map.of("actie", "aanmelden")).status()).isEqualTo(403);
        assertThat(browser.postRaw(path(table) + "/aanmelden", Map.of("csrfToken", "forged.token")).status()).isEqualTo(403);
        assertThat(registrations(table)).isZero();
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndBack() {
        String table = world.table(Duration.ofDays(2), 5);
        PortalClient visitor = visitor();
        visitor.get("/inloggen");

        Page redirected = visitor.post(path(table) + "/aanmelden", Map.of());

        assertThat(redirected.status()).isEqualTo(303);
        assertThat(redirected.header("Location")).startsWith("/inloggen?terug=")
                .contains(Slugs.of(world.municipality.name()) + "%2Fdialoogtafels%2F" + table);
        assertThat(registrations(table)).isZero();
    }

    @Test
    void aHeldTableShowsItsPublishedReportWithItsActionPoints() {
        String table = world.table(Duration.ofHours(1), 5);
        PortalClient visitor = visitor();
        clock.advance(Duration.ofHours(4));
        assertThat(visitor.get(path(table)).html()).contains("Gehouden").doesNotContain("Verslag");
        ok(api.put("/api/v1/dialoogtafels/" + table + "/report").token(world.chair.accessToken()).json(Map.of(
                "summary", "Twaalf bewoners spraken over eenzaamheid.", "participantCount", 12,
                "actionPoints", List.of(Map.of("text", "Een wekelijkse koffieochtend", "takenUpBy", "Wijkplatform")))).send());

        Page held = visitor.get(path(table));

        assertThat(held.status()).isEqualTo(200);
        assertThat(held.html()).contains("Gehouden", "Verslag", "Twaalf bewoners spraken over eenzaamheid.", "12 deelnemers",
                "Actiepunten", "Een wekelijkse koffieochtend", "opgepakt door Wijkplatform");
        Person resident = world.resident();
        assertThat(signedIn(resident).get(path(table)).html()).contains("Aanmelden kan niet meer.")
                .doesNotContain("Plaats nemen");
    }

    @Test
    void anUnknownTableIsNotFound() {
        assertThat(visitor().get(path("00000000-0000-0000-0000-000000000000")).status()).isEqualTo(404);
    }
}
