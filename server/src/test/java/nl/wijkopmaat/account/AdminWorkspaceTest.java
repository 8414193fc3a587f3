package nl.wijkopmaat.account;

import com.fasterxml.jackson.databind.JsonNode;
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
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin workspace of a municipality through HTTP: every form does what the API does (checked
 * through the JSON API), shows its errors beside the fields with what was typed kept, and every page
 * and every form refuses a resident, an official and an admin of another municipality with 403.
 */
@MicronautTest(transactional = false)
class AdminWorkspaceTest {

    static final int YEAR = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    MunicipalityView municipality;
    WijkDetail wijk;
    Person admin;
    PortalClient browser;
    String base;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Noord", "Zuid");
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        browser = signedIn(admin);
        base = "/werkplek/beheer/" + municipality.id();
    }

    private PortalClient signedIn(Person person) {
        PortalClient client = new PortalClient(server.getURL().toString());
        client.get("/inloggen");
        assertThat(client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
        return client;
    }

    private JsonNode json(String path) {
        ApiResponse response = api.get(path).token(admin.accessToken()).send();
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json();
    }

    private static UUID idAtEnd(Page page) {
        String location = page.header("Location");
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    private String platformPath() {
        return base + "/wijkplatforms/" + wijk.wijkplatform().id();
    }

    @Test
    void theWorkspaceListsTheAdminsMunicipalityAndTheHubLinksEverySection() {
        Page workspaces = browser.get("/werkplek");
        assertThat(workspaces.html()).contains("Beheer " + municipality.name(), "href=\"" + base + "\"");

        Page hub = browser.get(base);

        assertThat(hub.status()).isEqualTo(200);
        assertThat(hub.html()).contains("<h1 class=\"utrecht-heading-1\">Beheer " + municipality.name() + "</h1>",
                "href=\"" + base + "/wijken\"", "href=\"" + base + "/medewerkers\"", "href=\"" + base + "/rolwijzigingen\"",
                "href=\"" + base + "/wijkbudget\"", "href=\"" + base + "/monitor\"");
        browser.setCookie("wom_lang", "en");
        assertThat(browser.get(base).html()).contains("<html lang=\"en\"", "Administer " + municipality.name());

        PortalClient resident = signedIn(fixtures.resident(municipality.id()));
        assertThat(resident.get("/werkplek").html()).doesNotContain(base);
    }

    @Test
    void anAdminCreatesAWijkWithBuurtenAndRenamesThem() {
        browser.get(base + "/wijken");
        Page created = browser.post(base + "/wijken", Map.of("name", "Havenkwartier", "wijkplatformName", "",
                "wijkplatformContactEmail", "haven@example.org"));
        assertThat(created.status()).isEqualTo(303);
        UUID wijkId = idAtEnd(created);
        String wijkPage = base + "/wijken/" + wijkId;
        browser.get(wijkPage);
        assertThat(browser.post(wijkPage + "/buurten", Map.of("buurtName", "Kade")).status()).isEqualTo(303);
        assertThat(browser.post(wijkPage + "/buurten", Map.of("buurtName", "Dok")).status()).isEqualTo(303);
        assertThat(browser.post(wijkPage + "/naam", Map.of("name", "Havenwijk")).status()).isEqualTo(303);

        JsonNode detail = json("/api/v1/wijken/" + wijkId);
        assertThat(detail.get("name").asText()).isEqualTo("Havenwijk");
        assertThat(detail.get("buurten").findValuesAsText("name")).containsExactly("Dok", "Kade");
        JsonNode platform = json("/api/v1/wijkplatforms/" + detail.get("wijkplatform").get("id").asText());
        assertThat(platform.get("name").asText()).isEqualTo("Wijkplatform Havenkwartier");
        assertThat(platform.get("contactEmail").asText()).isEqualTo("haven@example.org");

        String kade = detail.get("buurten").get(1).get("id").asText();
        browser.get(base + "/buurten/" + kade);
        assertThat(browser.post(base + "/buurten/" + kade, Map.of("name", "Kadebuurt")).status()).isEqualTo(303);
        assertThat(json("/api/v1/buurten/" + kade).get("name").asText()).isEqualTo("Kadebuurt");
        assertThat(browser.get(wijkPage).html()).contains("Kadebuurt", "Dok", "value=\"Havenwijk\"");
    }

    @Test
    void wijkFormsShowTheirErrorsBesideTheFieldsKeepWhatWasTypedAndSaveNothing() {
        int before = json("/api/v1/municipalities/" + municipality.id() + "/wijken").get("items").size();
        browser.get(base + "/wijken");

        Page taken = browser.post(base + "/wijken", Map.of("name", wijk.name(), "wijkplatformName", "Mijn platform",
                "wijkplatformContactEmail", "geen-adres"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.errorOf("wijkplatformContactEmail")).isEqualTo("moet een geldig e-mailadres zijn");
        assertThat(taken.html()).contains("value=\"Mijn platform\"", "value=\"geen-adres\"");

        Page duplicate = browser.post(base + "/wijken", Map.of("name", wijk.name()));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorOf("name")).isEqualTo("Deze gemeente heeft al een wijk met deze naam.");
        assertThat(duplicate.html()).contains("value=\"" + wijk.name() + "\"");

        String wijkPage = base + "/wijken/" + wijk.id();
        Page emptyName = browser.post(wijkPage + "/naam", Map.of("name", "  "));
        assertThat(emptyName.status()).isEqualTo(400);
        assertThat(emptyName.errorOf("name")).isNotBlank();
        Page sameBuurt = browser.post(wijkPage + "/buurten", Map.of("buurtName", "Noord"));
        assertThat(sameBuurt.status()).isEqualTo(400);
        assertThat(sameBuurt.errorOf("buurtName")).isEqualTo("Deze wijk heeft al een buurt met deze naam.");
        assertThat(sameBuurt.html()).contains("id=\"buurtName\" name=\"buurtName\" type=\"text\" value=\"Noord\"");

        assertThat(json("/api/v1/municipalities/" + municipality.id() + "/wijken").get("items").size()).isEqualTo(before);
        JsonNode detail = json("/api/v1/wijken/" + wijk.id());
        assertThat(detail.get("name").asText()).isEqualTo(wijk.name());
        assertThat(detail.get("buurten").size()).isEqualTo(2);
    }

    @Test
    void anAdminAssignsAChairInvitesASecretaryAndTheTrailShowsTheChange() {
        Person chair = fixtures.resident(municipality.id());
        String invited = "secretaris-" + UUID.randomUUID() + "@example.org";
        browser.get(platformPath());

        Page saved = browser.post(platformPath() + "/bestuur", Map.of("chairEmail", chair.email(), "secretaryEmail", invited));

        assertThat(saved.status()).isEqualTo(303);
        JsonNode members = json("/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members");
        assertThat(members.get("items").size()).isEqualTo(1);
        assertThat(members.get("items").get(0).get("email").asText()).isEqualTo(chair.email());
        assertThat(members.get("items").get(0).get("role").asText()).isEqualTo("CHAIR");
        assertThat(members.get("invitations").get(0).get("email").asText()).isEqualTo(invited);
        assertThat(members.get("invitations").get(0).get("role").asText()).isEqualTo("SECRETARY");
        Page platform = browser.get(platformPath());
        assertThat(platform.html()).contains("value=\"" + chair.email() + "\"", "value=\"" + invited + "\"",
                "Openstaande uitnodigingen");

        Page trail = browser.get(base + "/rolwijzigingen");
        assertThat(trail.status()).isEqualTo(200);
        // Times are kept in whole seconds, so the two grants may tie: find the chair's row by its address.
        String html = trail.html();
        int chairCell = html.indexOf("(" + chair.email() + ")");
        assertThat(chairCell).isPositive();
        String chairRow = html.substring(html.lastIndexOf("<tr", chairCell), html.indexOf("</tr>", chairCell));
        assertThat(chairRow).contains("Gekregen", "Voorzitter", wijk.wijkplatform().name(), "(" + chair.email() + ")");
        assertThat(trail.html()).contains("(" + admin.email() + ")", "Beheerder", municipality.name());
    }

    @Test
    void anAdminSetsTheContactAddressOfAWijkplatformAndAWrongOneIsRefusedBesideItsField() {
        String platformApi = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id();
        browser.get(platformPath());

        assertThat(browser.post(platformPath() + "/contact", Map.of("contactEmail", "platform@example.org")).status())
                .isEqualTo(303);
        assertThat(json(platformApi).get("contactEmail").asText()).isEqualTo("platform@example.org");

        Page wrong = browser.post(platformPath() + "/contact", Map.of("contactEmail", "geen-adres"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("contactEmail")).isEqualTo("moet een geldig e-mailadres zijn");
        assertThat(wrong.html()).contains("value=\"geen-adres\"");
        assertThat(json(platformApi).get("contactEmail").asText()).isEqualTo("platform@example.org");

        browser.setCookie("wom_lang", "en");
        Page english = browser.post(platformPath() + "/contact", Map.of("contactEmail", "geen-adres"));
        assertThat(english.html()).contains("<html lang=\"en\"", "Contact address of the wijkplatform");
    }

    @Test
    void aPlaceOfAnotherMunicipalityIsNotFoundInThisWorkspace() {
        MunicipalityView elsewhere = fixtures.municipality();
        WijkDetail foreign = fixtures.wijk(elsewhere.id(), "Ver");

        assertThat(browser.get(base + "/wijken/" + foreign.id()).status()).isEqualTo(404);
        assertThat(browser.get(base + "/buurten/" + foreign.buurten().get(0).id()).status()).isEqualTo(404);
        assertThat(browser.get(base + "/wijkplatforms/" + foreign.wijkplatform().id()).status()).isEqualTo(404);
        assertThat(browser.get(base + "/wijkbudget/" + foreign.wijkplatform().id()).status()).isEqualTo(404);
        browser.get(base + "/wijken");
        assertThat(browser.post(base + "/wijken/" + foreign.id() + "/naam", Map.of("name", "Ingepikt")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/wijken/" + foreign.id()).send().json().get("name").asText()).isEqualTo(foreign.name());
    }

    @Test
    void boardErrorsStandBesideTheirFieldAndChangeNothing() {
        MunicipalityView elsewhere = fixtures.municipality();
        Person stranger = fixtures.resident(elsewhere.id());
        browser.get(platformPath());

        Page wrong = browser.post(platformPath() + "/bestuur", Map.of("chairEmail", "geen-adres", "secretaryEmail", stranger.email()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("chairEmail")).isEqualTo("moet een geldig e-mailadres zijn");
        assertThat(wrong.html()).contains("value=\"geen-adres\"", "value=\"" + stranger.email() + "\"");

        Page foreign = browser.post(platformPath() + "/bestuur", Map.of("chairEmail", "", "secretaryEmail", stranger.email()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorOf("secretaryEmail")).isEqualTo("er is geen actief account met dit e-mailadres in deze gemeente");

        JsonNode members = json("/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members");
        assertThat(members.get("items").size()).isZero();
        assertThat(members.get("invitations").size()).isZero();
    }

    @Test
    void anAdminAssignsAnOfficialInvitesAnotherAndRevokes() {
        Person official = fixtures.resident(municipality.id());
        String invited = "ambtenaar-" + UUID.randomUUID() + "@example.org";
        browser.get(base + "/medewerkers");

        assertThat(browser.post(base + "/medewerkers", Map.of("email", official.email(), "role", "OFFICIAL")).header("Location"))
                .isEqualTo(base + "/medewerkers?toegewezen=1");
        assertThat(browser.post(base + "/medewerkers", Map.of("email", invited, "role", "ADMIN")).header("Location"))
                .isEqualTo(base + "/medewerkers?uitgenodigd=1");

        JsonNode staff = json("/api/v1/municipalities/" + municipality.id() + "/staff").get("items");
        JsonNode assigned = null;
        for (JsonNode item : staff) {
            if (item.get("email").asText().equals(official.email())) {
                assigned = item;
            }
        }
        assertThat(assigned).isNotNull();
        assertThat(assigned.get("role").asText()).isEqualTo("OFFICIAL");
        Page page = browser.get(base + "/medewerkers");
        assertThat(page.html()).contains(invited, official.email());

        Page errors = browser.post(base + "/medewerkers", Map.of("email", "geen-adres", "role", "CHAIR"));
        assertThat(errors.status()).isEqualTo(400);
        assertThat(errors.errorOf("role")).isEqualTo("Kies een van de mogelijkheden.");
        assertThat(errors.html()).contains("value=\"geen-adres\"");
        Page again = browser.post(base + "/medewerkers", Map.of("email", official.email(), "role", "OFFICIAL"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorOf("email")).isEqualTo("Deze persoon heeft deze rol hier al.");

        browser.get(base + "/medewerkers");
        assertThat(browser.post(base + "/medewerkers/" + assigned.get("id").asText() + "/intrekken", Map.of()).status())
                .isEqualTo(303);
        assertThat(json("/api/v1/municipalities/" + municipality.id() + "/staff").get("items").findValuesAsText("email"))
                .doesNotContain(official.email());
        assertThat(browser.get(base + "/rolwijzigingen").html()).contains("Ingetrokken", "Ambtenaar");
    }

    @Test
    void anAdminAllocatesSetsTheRulesAndClosesAYear() {
        String budget = base + "/wijkbudget/" + wijk.wijkplatform().id();
        String accountApi = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/budgets/";
        browser.get(budget + "/" + YEAR);

        assertThat(browser.post(budget + "/" + YEAR + "/toewijzing", Map.of("amount", "12.500,50")).status()).isEqualTo(303);
        assertThat(json(accountApi + YEAR).get("allocatedCents").asLong()).isEqualTo(1_250_050);

        Page tooPrecise = browser.post(budget + "/" + YEAR + "/toewijzing", Map.of("amount", "12,505"));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.errorOf("amount")).isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        assertThat(tooPrecise.html()).contains("value=\"12,505\"");
        assertThat(json(accountApi + YEAR).get("allocatedCents").asLong()).isEqualTo(1_250_050);

        browser.get(base + "/wijkbudget");
        assertThat(browser.post(base + "/wijkbudget/instellingen", Map.of("grantThreshold", "750,00", "yearEndPolicy", "RETURN"))
                .status()).isEqualTo(303);
        JsonNode settings = json("/api/v1/municipalities/" + municipality.id() + "/budget-settings");
        assertThat(settings.get("grantThresholdCents").asLong()).isEqualTo(75_000);
        assertThat(settings.get("yearEndPolicy").asText()).isEqualTo("RETURN");
        Page badSettings = browser.post(base + "/wijkbudget/instellingen", Map.of("grantThreshold", "1,005", "yearEndPolicy", ""));
        assertThat(badSettings.status()).isEqualTo(400);
        assertThat(badSettings.errorOf("grantThreshold")).isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        assertThat(badSettings.errorOf("yearEndPolicy")).isNotBlank();
        assertThat(badSettings.html()).contains("value=\"1,005\"");
        assertThat(json("/api/v1/municipalities/" + municipality.id() + "/budget-settings").get("grantThresholdCents").asLong())
                .isEqualTo(75_000);

        int last = YEAR - 1;
        browser.get(budget + "/" + last);
        assertThat(browser.post(budget + "/" + last + "/toewijzing", Map.of("amount", "100")).status()).isEqualTo(303);
        assertThat(browser.post(budget + "/" + last + "/afsluiten", Map.of()).status()).isEqualTo(303);
        JsonNode closed = json(accountApi + last);
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("returnedCents").asLong()).isEqualTo(10_000);
        Page closedPage = browser.get(budget + "/" + last);
        assertThat(closedPage.html()).contains("Afgesloten").doesNotContain("/toewijzing\"");
        Page twice = browser.post(budget + "/" + last + "/afsluiten", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.html()).contains("utrecht-alert--error");
    }

    @Test
    void aTargetIsSetWithADecimalCommaAndAWrongOneIsRefusedBesideItsField() {
        browser.get(base + "/monitor");
        LocalDate start = LocalDate.of(YEAR, 1, 1);

        assertThat(browser.post(base + "/monitor/doelen", Map.of("indicator", "ACTIVE_SHARE", "comparison", "AT_LEAST",
                "targetPercent", "20,5", "startDate", start.toString())).status()).isEqualTo(303);
        JsonNode target = json("/api/v1/municipalities/" + municipality.id() + "/monitor-targets").get("items").get(0);
        assertThat(target.get("indicator").asText()).isEqualTo("ACTIVE_SHARE");
        assertThat(target.get("targetPercent").asDouble()).isEqualTo(20.5);

        Page wrong = browser.post(base + "/monitor/doelen", Map.of("indicator", "VOLUNTEER_SHARE", "comparison", "AT_LEAST",
                "targetPercent", "20,55", "startDate", "morgen"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("startDate")).isEqualTo("Vul een datum in als jjjj-mm-dd.");
        assertThat(wrong.html()).contains("value=\"20,55\"", "value=\"morgen\"");
        Page tooPrecise = browser.post(base + "/monitor/doelen", Map.of("indicator", "VOLUNTEER_SHARE", "comparison", "AT_LEAST",
                "targetPercent", "20,55", "startDate", start.toString()));
        assertThat(tooPrecise.errorOf("targetPercent")).isEqualTo("heeft te veel cijfers (hoogstens 1 na de komma)");
        assertThat(json("/api/v1/municipalities/" + municipality.id() + "/monitor-targets").get("items").size()).isEqualTo(1);
    }

    @Test
    void aResidentAnOfficialAndAnAdminOfAnotherMunicipalityGet403OnEveryPageAndForm() {
        MunicipalityView elsewhere = fixtures.municipality();
        Person otherAdmin = fixtures.withRole(elsewhere.id(), Role.ADMIN, elsewhere.id());
        Person official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Person resident = fixtures.resident(municipality.id());
        Person chair = fixtures.resident(municipality.id());
        String assignmentId = json("/api/v1/municipalities/" + municipality.id() + "/staff").get("items").get(0).get("id").asText();
        String buurt = wijk.buurten().get(0).id().toString();
        String platform = platformPath();
        String budget = base + "/wijkbudget/" + wijk.wijkplatform().id();
        List<String> pages = List.of(base, base + "/wijken", base + "/wijken/" + wijk.id(), base + "/buurten/" + buurt,
                platform, base + "/medewerkers", base + "/rolwijzigingen", base + "/wijkbudget", budget, budget + "/" + YEAR,
                base + "/monitor");
        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put(base + "/wijken", Map.of("name", "Indringerswijk"));
        posts.put(base + "/wijken/" + wijk.id() + "/naam", Map.of("name", "Overgenomen"));
        posts.put(base + "/wijken/" + wijk.id() + "/buurten", Map.of("buurtName", "Indringersbuurt"));
        posts.put(base + "/buurten/" + buurt, Map.of("name", "Overgenomen"));
        posts.put(platform + "/bestuur", Map.of("chairEmail", chair.email(), "secretaryEmail", ""));
        posts.put(platform + "/contact", Map.of("contactEmail", "indringer@example.org"));
        posts.put(base + "/medewerkers", Map.of("email", resident.email(), "role", "ADMIN"));
        posts.put(base + "/medewerkers/" + assignmentId + "/intrekken", Map.of());
        posts.put(base + "/wijkbudget/instellingen", Map.of("grantThreshold", "1,00", "yearEndPolicy", "RETURN"));
        posts.put(budget + "/" + YEAR + "/toewijzing", Map.of("amount", "999"));
        posts.put(budget + "/" + (YEAR - 1) + "/afsluiten", Map.of());
        posts.put(base + "/monitor/doelen", Map.of("indicator", "ACTIVE_SHARE", "comparison", "AT_MOST", "targetPercent", "1",
                "startDate", YEAR + "-01-01"));
        posts.put(base + "/monitor/inwoners", Map.of("area", "wijk:" + wijk.id(), "year", String.valueOf(YEAR - 1),
                "inhabitants", "10"));
        String before = state();

        for (Person intruder : List.of(resident, official, otherAdmin)) {
            PortalClient client = signedIn(intruder);
            for (String page : pages) {
                assertThat(client.get(page).status()).as(page).isEqualTo(403);
            }
            List<String> answered = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
                client.get("/werkplek");
                Page refused = client.post(post.getKey(), post.getValue());
                answered.add(post.getKey() + " " + refused.status());
                assertThat(refused.status()).as(post.getKey()).isEqualTo(403);
            }
            assertThat(answered).hasSize(posts.size());
        }

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndASignedOutVisitorIsSentToSignIn() {
        browser.get(base + "/wijken");
        Page noToken = browser.postRaw(base + "/wijken", Map.of("name", "Zonder token"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(json("/api/v1/municipalities/" + municipality.id() + "/wijken").get("items").findValuesAsText("name"))
                .doesNotContain("Zonder token");

        PortalClient visitor = new PortalClient(server.getURL().toString());
        assertThat(visitor.get(base).status()).isEqualTo(303);
        assertThat(visitor.get(base).header("Location")).startsWith("/inloggen?terug=");
        visitor.get("/inloggen");
        Page post = visitor.post(base + "/wijken", Map.of("name", "Anoniem"));
        assertThat(post.status()).isEqualTo(303);
        assertThat(post.header("Location")).startsWith("/inloggen");
    }

    /** Everything the workspace can change, as the JSON API shows it. */
    private String state() {
        String m = "/api/v1/municipalities/" + municipality.id();
        String platform = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id();
        return String.join("\n", json(m + "/wijken").toString(), json("/api/v1/wijken/" + wijk.id()).toString(),
                json(platform).toString(), json(platform + "/members").toString(), json(m + "/staff").toString(),
                json(m + "/budget-settings").toString(), json(platform + "/budgets/" + YEAR).toString(),
                json(platform + "/budgets/" + (YEAR - 1)).toString(), json(m + "/monitor-targets").toString(),
                json("/api/v1/wijken/" + wijk.id() + "/monitor").toString());
    }
}
