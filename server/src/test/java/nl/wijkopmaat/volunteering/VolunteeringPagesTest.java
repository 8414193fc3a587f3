package nl.wijkopmaat.volunteering;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static nl.wijkopmaat.volunteering.VolunteeringWorld.created;
import static nl.wijkopmaat.volunteering.VolunteeringWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteering pages through HTTP as a browser uses them: the wijk page lists its open
 * opportunities, an opportunity's page shows it with its shifts, and a resident signs up for a shift
 * and leaves it, each checked through the JSON API; refusals are shown and change nothing.
 */
@MicronautTest(transactional = false)
class VolunteeringPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    VolunteeringWorld world;

    @BeforeEach
    void world() {
        world = new VolunteeringWorld(api, fixtures);
    }

    private String path(String opportunity) {
        return "/" + Slugs.of(world.municipality.name()) + "/vrijwilligerswerk/" + opportunity;
    }

    private String wijkPath() {
        return "/" + Slugs.of(world.municipality.name()) + "/wijken/" + Slugs.of(world.wijk.name());
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

    private JsonNode shiftAs(Person person, String shift) {
        return api.get("/api/v1/shifts/" + shift).token(person.accessToken()).send().json();
    }

    private String title(String opportunity) {
        return api.get("/api/v1/volunteer-opportunities/" + opportunity).send().text("/title");
    }

    @Test
    void theWijkPageListsTheOpenOpportunitiesEachLinkingToItsPage() {
        String open = world.opportunity();
        String closed = world.opportunity();
        String closedTitle = title(closed);
        ok(api.patch("/api/v1/volunteer-opportunities/" + closed).token(world.chair.accessToken())
                .json(Map.of("status", "CLOSED")).send());
        String elsewhere = created(world.createOpportunity(world.otherChair, world.otherWijk, List.of("tuinieren")));

        Page wijk = visitor().get(wijkPath());

        assertThat(wijk.status()).isEqualTo(200);
        assertThat(wijk.html()).contains("Vrijwilligerswerk", "href=\"" + path(open) + "\">" + title(open) + "</a>", "koken")
                .doesNotContain(closedTitle, title(elsewhere));
        PortalClient english = visitor();
        english.setCookie("wom_lang", "en");
        assertThat(english.get(wijkPath()).html()).contains("Volunteering", title(open));
    }

    @Test
    void theOpportunityPageShowsItWithItsShifts() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofDays(2), 3);
        JsonNode shown = api.get("/api/v1/volunteer-opportunities/" + opportunity).send().json();

        Page page = visitor().get(path(opportunity));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(shown.get("title").asText(), "Samen koken en eten met de buren.", "koken", "Open",
                shown.at("/organiser/displayName").asText(), shown.at("/coordinators/0/displayName").asText(),
                "<caption", "<th scope=\"col\"", "<time datetime=\"", "Buurthuis De Kade", "3 van 3", "Gepland",
                "href=\"/inloggen?terug=" + path(opportunity) + "\"");
        assertThat(page.html()).doesNotContain("/diensten/" + shift + "/aanmelden");
        PortalClient english = visitor();
        english.setCookie("wom_lang", "en");
        assertThat(english.get(path(opportunity)).html()).contains("Shifts", "3 of 3", "Sign in to sign up for a shift");
    }

    @Test
    void aResidentSignsUpForAShiftSeesItAndLeavesIt() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofDays(2), 3);
        String other = world.shift(opportunity, Duration.ofDays(4), 3);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        assertThat(browser.get(path(opportunity)).html()).contains("/diensten/" + shift + "/aanmelden");

        Page signedUp = browser.post(path(opportunity) + "/diensten/" + shift + "/aanmelden", Map.of());

        assertThat(signedUp.status()).isEqualTo(303);
        assertThat(signedUp.header("Location")).isEqualTo(path(opportunity) + "#diensten");
        assertThat(shiftAs(resident, shift).get("signedUpByMe").asBoolean()).isTrue();
        assertThat(shiftAs(resident, shift).get("seatsLeft").asInt()).isEqualTo(2);
        assertThat(shiftAs(resident, other).get("signedUpByMe").asBoolean()).isFalse();
        Page page = browser.get(path(opportunity));
        assertThat(page.html()).contains("U bent aangemeld voor 1 dienst(en) hieronder.", "U bent aangemeld.", "2 van 3",
                "/diensten/" + shift + "/afmelden", "/diensten/" + other + "/aanmelden")
                .doesNotContain("/diensten/" + other + "/afmelden");

        Page left = browser.post(path(opportunity) + "/diensten/" + shift + "/afmelden", Map.of());

        assertThat(left.status()).isEqualTo(303);
        assertThat(shiftAs(resident, shift).get("signedUpByMe").asBoolean()).isFalse();
        assertThat(shiftAs(resident, shift).get("seatsLeft").asInt()).isEqualTo(3);
        assertThat(browser.get(path(opportunity)).html()).doesNotContain("U bent aangemeld");
    }

    @Test
    void aFullShiftRefusesTheSignUpOnThePageAndChangesNothing() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofDays(2), 1);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        browser.get(path(opportunity));
        ok(world.signUp(world.resident(), shift));

        Page refused = browser.post(path(opportunity) + "/diensten/" + shift + "/aanmelden", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html()).contains("utrecht-alert--error", "Deze dienst is vol (1 plaatsen).", "0 van 1")
                .doesNotContain("/diensten/" + shift + "/aanmelden");
        assertThat(shiftAs(resident, shift).get("signedUpByMe").asBoolean()).isFalse();
        assertThat(shiftAs(resident, shift).get("seatsLeft").asInt()).isZero();
    }

    @Test
    void leavingAShiftOneDoesNotHoldShowsTheErrorAndChangesNothing() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofDays(2), 3);
        ok(world.signUp(world.resident(), shift));
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        browser.get(path(opportunity));

        Page refused = browser.post(path(opportunity) + "/diensten/" + shift + "/afmelden", Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.html()).contains("U bent niet aangemeld voor deze dienst.");
        assertThat(shiftAs(resident, shift).get("seatsLeft").asInt()).isEqualTo(2);
    }

    @Test
    void aShiftOfAnotherOpportunityIsNotFoundOnThisOnesPage() {
        String opportunity = world.opportunity();
        String otherShift = world.shift(world.opportunity(), Duration.ofDays(2), 3);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        browser.get(path(opportunity));

        Page refused = browser.post(path(opportunity) + "/diensten/" + otherShift + "/aanmelden", Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(shiftAs(resident, otherShift).get("signedUpByMe").asBoolean()).isFalse();
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefusedWith403AndSignsUpNoOne() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofDays(2), 3);
        Person resident = world.resident();
        PortalClient browser = signedIn(resident);
        browser.get(path(opportunity));

        assertThat(browser.postRaw(path(opportunity) + "/diensten/" + shift + "/aanmelden", Map.of()).status()).isEqualTo(403);
        assertThat(browser.postRaw(path(opportunity) + "/diensten/" + shift + "/afmelden", Map.of("csrfToken", "forged.token"))
                .status()).isEqualTo(403);
        assertThat(shiftAs(resident, shift).get("seatsLeft").asInt()).isEqualTo(3);
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndBack() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofDays(2), 3);
        PortalClient visitor = visitor();
        visitor.get("/inloggen");

        Page redirected = visitor.post(path(opportunity) + "/diensten/" + shift + "/aanmelden", Map.of());

        assertThat(redirected.status()).isEqualTo(303);
        assertThat(redirected.header("Location")).startsWith("/inloggen?terug=")
                .contains("%2Fvrijwilligerswerk%2F" + opportunity);
        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isEqualTo(3);
    }
}
