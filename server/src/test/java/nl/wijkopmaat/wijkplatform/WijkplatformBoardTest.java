package nl.wijkopmaat.wijkplatform;

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
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import nl.wijkopmaat.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wijkplatform's board on its wijk page and in the public API: chair and secretary by name, the
 * platform's own contact address (set by an admin), never a board member's personal address.
 */
@MicronautTest(transactional = false)
class WijkplatformBoardTest {

    private static final String PLATFORM_ADDRESS = "wijkplatform.noorderhaven@maassluis.demo";

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    StatementCounter statements;

    MunicipalityView municipality;
    WijkDetail wijk;
    Person admin;
    Person chair;
    Person secretary;
    PortalClient browser;

    @BeforeEach
    void world() {
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Haven");
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        chair = fixtures.resident(municipality.id());
        secretary = fixtures.resident(municipality.id());
        browser = new PortalClient(server.getURL().toString());
    }

    private String platformPath() {
        return "/api/v1/wijkplatforms/" + wijk.wijkplatform().id();
    }

    private String wijkPath() {
        return "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name());
    }

    private String displayName(Person person) {
        return api.get("/api/v1/me").token(person.accessToken()).send().text("/displayName");
    }

    private void appointBoard() {
        ApiResponse set = api.put(platformPath() + "/members").token(admin.accessToken()).json(Map.of("members", List.of(
                Map.of("email", chair.email(), "role", "CHAIR"), Map.of("email", secretary.email(), "role", "SECRETARY"))))
                .send();
        assertThat(set.status()).isEqualTo(200);
    }

    private ApiResponse setContact(Person actor, Object address) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactEmail", address);
        return api.patch(platformPath()).token(actor.accessToken()).json(body).send();
    }

    @Test
    void theWijkPageShowsTheBoardByNameAndThePlatformsAddressFirstAndNoPersonalAddress() {
        appointBoard();
        assertThat(setContact(admin, PLATFORM_ADDRESS).status()).isEqualTo(200);
        String chairName = displayName(chair);
        String secretaryName = displayName(secretary);

        statements.reset();
        Page page = browser.get(wijkPath());

        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(statements.executed().stream().filter(s -> s.sql().contains("role_assignment")).map(s -> s.sql()).toList())
                .as("the board is read in one statement").hasSize(1);
        assertThat(html).contains(wijk.wijkplatform().name(), "Voorzitter", chairName, "Secretaris", secretaryName,
                "href=\"mailto:" + PLATFORM_ADDRESS + "\"");
        assertThat(html).doesNotContain(chair.email(), secretary.email(), admin.email());
        assertThat(html.indexOf("id=\"wijkplatform-heading\"")).as("the board comes first").isPositive()
                .isLessThan(html.indexOf("id=\"initiatieven-heading\""))
                .isLessThan(html.indexOf("id=\"dialoogtafels-heading\""));
    }

    @Test
    void aPlatformWithoutBoardOrAddressSaysSoInBothLanguages() {
        Page dutch = browser.get(wijkPath());
        assertThat(dutch.html()).contains(wijk.wijkplatform().name(), "Nog niet bekend",
                "Het wijkplatform heeft nog geen contactadres.").doesNotContain("mailto:");

        browser.setCookie("wom_lang", "en");
        Page english = browser.get(wijkPath());
        assertThat(english.html()).contains("Chair", "Secretary", "Not known yet", "The wijkplatform has no contact address yet.");
    }

    @Test
    void theAdminSetsAndRemovesTheContactAddressAndThePublicViewShowsItWithTheBoardsNames() {
        appointBoard();

        ApiResponse set = setContact(admin, "  " + PLATFORM_ADDRESS + " ");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.text("/contactEmail")).isEqualTo(PLATFORM_ADDRESS);
        ApiResponse read = api.get(platformPath()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/contactEmail")).isEqualTo(PLATFORM_ADDRESS);
        assertThat(read.text("/chair")).isEqualTo(displayName(chair));
        assertThat(read.text("/secretary")).isEqualTo(displayName(secretary));
        assertThat(read.body()).doesNotContain(chair.email(), secretary.email());

        ApiResponse removed = setContact(admin, null);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("contactEmail").isNull()).isTrue();
        assertThat(api.get(platformPath()).send().json().get("contactEmail").isNull()).isTrue();
    }

    @Test
    void anAddressThatIsNoneOrTooLongIsA400NamingContactEmailAndChangesNothing() {
        setContact(admin, PLATFORM_ADDRESS);

        ApiResponse notAnAddress = api.patch(platformPath()).token(admin.accessToken()).invalidInput()
                .json(Map.of("contactEmail", "geen adres")).send();
        ApiResponse tooLong = api.patch(platformPath()).token(admin.accessToken()).invalidInput()
                .json(Map.of("contactEmail", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".nl"))
                .send();

        assertThat(notAnAddress.status()).isEqualTo(400);
        assertThat(notAnAddress.text("/invalidParams/0/name")).isEqualTo("contactEmail");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("invalidParams").findValuesAsText("name")).containsOnly("contactEmail");
        assertThat(api.get(platformPath()).send().text("/contactEmail")).isEqualTo(PLATFORM_ADDRESS);
    }

    @Test
    void onlyAnAdminOfTheMunicipalityChangesTheAddress() {
        appointBoard();
        Person otherAdmin = fixtures.withRole(fixtures.municipality().id(), Role.ADMIN,
                fixtures.municipality().id());

        assertThat(setContact(chair, PLATFORM_ADDRESS).status()).isEqualTo(403);
        assertThat(setContact(otherAdmin, PLATFORM_ADDRESS).status()).isEqualTo(403);
        assertThat(api.patch(platformPath()).json(Map.of("contactEmail", PLATFORM_ADDRESS)).send().status()).isEqualTo(401);
        assertThat(api.get(platformPath()).send().json().get("contactEmail").isNull()).isTrue();
    }

    @Test
    void aWijkCreatedWithAPlatformAddressHasItAndABadOneIsA400NamingTheField() {
        ApiResponse created = api.post("/api/v1/municipalities/" + municipality.id() + "/wijken").token(admin.accessToken())
                .json(Map.of("name", Fixtures.unique("Wijk"), "wijkplatformContactEmail", PLATFORM_ADDRESS)).send();
        ApiResponse refused = api.post("/api/v1/municipalities/" + municipality.id() + "/wijken").token(admin.accessToken())
                .invalidInput().json(Map.of("name", Fixtures.unique("Wijk"), "wijkplatformContactEmail", "geen adres")).send();

        assertThat(created.status()).isEqualTo(201);
        ApiResponse platform = api.get("/api/v1/wijkplatforms/" + created.text("/wijkplatform/id")).send();
        assertThat(platform.text("/contactEmail")).isEqualTo(PLATFORM_ADDRESS);
        assertThat(platform.json().get("chair").isNull()).isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/invalidParams/0/name")).isEqualTo("wijkplatformContactEmail");
    }
}
