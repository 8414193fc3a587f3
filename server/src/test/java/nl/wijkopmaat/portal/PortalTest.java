package nl.wijkopmaat.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal through HTTP as a browser uses it: session cookie and form tokens, security headers,
 * errors beside their fields, and no more shown to a visitor than the API would show.
 */
@MicronautTest(transactional = false)
class PortalTest {

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
    Person resident;
    PortalClient browser;

    @BeforeEach
    void world() {
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Noorderhaven");
        resident = fixtures.resident(municipality.id());
        browser = new PortalClient(server.getURL().toString());
    }

    private String wijkPath() {
        return "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name());
    }

    private void signIn(PortalClient client, Person person) {
        client.get("/inloggen");
        Page signedIn = client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
    }

    private Map<String, String> initiativeForm(String title, String amount) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "Bankjes en een picknicktafel bij het water.");
        form.put("theme", "GROEN");
        form.put("buurtId", wijk.buurten().get(0).id().toString());
        form.put("requestedBudget", amount);
        return form;
    }

    private int ownInitiatives(Person person) {
        ApiResponse mine = api.get("/api/v1/initiatives").query("mine", true).token(person.accessToken()).send();
        assertThat(mine.status()).isEqualTo(200);
        return mine.json().get("items").size();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndAPolicyWithoutInlineScript() {
        Page start = browser.get("/");

        assertThat(start.status()).isEqualTo(200);
        assertThat(start.header("Content-Type")).startsWith("text/html");
        String policy = start.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(start.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(start.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(start.html()).doesNotContain("<script");
        assertThat(start.setCookie("__Host-csrfToken")).contains("HTTPOnly", "Secure", "SameSite=Strict", "Path=/");
    }

    @Test
    void signingInSetsAnHttpOnlySecureLaxSessionCookie() {
        browser.get("/inloggen");
        Page signedIn = browser.post("/inloggen", Map.of("email", resident.email(), "password", Fixtures.PASSWORD,
                "terug", "/mijn/gegevens"));

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/mijn/gegevens");
        assertThat(signedIn.setCookie("wom_session")).contains("HTTPOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age=1800");
        Page myData = browser.get("/mijn/gegevens");
        assertThat(myData.status()).isEqualTo(200);
        assertThat(myData.html()).contains(resident.email());
    }

    @Test
    void aWrongPasswordIsShownBesideTheEmailAndSetsNoSession() {
        browser.get("/inloggen");
        Page refused = browser.post("/inloggen", Map.of("email", resident.email(), "password", "not the password at all"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorOf("email")).isEqualTo("E-mailadres of wachtwoord is onjuist.");
        assertThat(refused.setCookie("wom_session")).isNull();
    }

    @Test
    void theSessionCookieIsNotABearerTokenForTheApi() {
        signIn(browser, resident);

        ApiResponse me = api.get("/api/v1/me").header("Cookie", "wom_session=" + browser.cookie("wom_session")).send();

        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedWith403AndChangesNothing() {
        signIn(browser, resident);

        Page withoutToken = browser.postRaw("/mijn/initiatieven/nieuw", initiativeForm("Bankjes bij het water", "250"));
        Page wrongToken = browser.postRaw("/mijn/initiatieven/nieuw",
                withToken(initiativeForm("Bankjes bij het water", "250"), "forged.token"));
        Page anonymous = new PortalClient(server.getURL().toString()).postRaw("/inloggen",
                Map.of("email", resident.email(), "password", Fixtures.PASSWORD));
        Page empty = browser.postRaw("/mijn/initiatieven/nieuw", Map.of());
        Page emptySignOut = browser.postRaw("/uitloggen", Map.of());

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.header("Content-Type")).startsWith("text/html");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.setCookie("wom_session")).isNull();
        assertThat(empty.status()).isEqualTo(403);
        assertThat(empty.html()).contains("Geen toegang");
        assertThat(emptySignOut.status()).isEqualTo(403);
        assertThat(browser.get("/mijn/initiatieven").status()).as("still signed in").isEqualTo(200);
        assertThat(ownInitiatives(resident)).isZero();
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put("csrfToken", token);
        return copy;
    }

    @Test
    void everyFormErrorIsShownBesideItsFieldAndNothingIsSaved() {
        signIn(browser, resident);
        browser.get("/mijn/initiatieven/nieuw");

        Map<String, String> form = initiativeForm("Kort", "12,505");
        form.remove("theme");
        Page refused = browser.post("/mijn/initiatieven/nieuw", form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("title")).isNotBlank();
        assertThat(refused.errorOf("theme")).isEqualTo("is verplicht");
        assertThat(refused.errorOf("requestedBudget")).contains("twee cijfers achter de komma");
        assertThat(refused.errorOf("description")).isNull();
        assertThat(refused.html()).contains("value=\"Kort\"", "value=\"12,505\"");
        assertThat(ownInitiatives(resident)).isZero();
    }

    @Test
    void euroAmountsWithADecimalCommaAreStoredInCents() {
        signIn(browser, resident);
        browser.get("/mijn/initiatieven/nieuw");

        Page created = browser.post("/mijn/initiatieven/nieuw", initiativeForm("Bankjes bij het water", "1.250,50"));

        assertThat(created.status()).isEqualTo(303);
        ApiResponse mine = api.get("/api/v1/initiatives").query("mine", true).token(resident.accessToken()).send();
        assertThat(mine.json().get("items").get(0).get("requestedBudgetCents").asLong()).isEqualTo(125_050L);
    }

    @Test
    void aSignedOutVisitorSeesNoDraftAndSeesItOnceSubmitted() {
        signIn(browser, resident);
        browser.get("/mijn/initiatieven/nieuw");
        Page created = browser.post("/mijn/initiatieven/nieuw", initiativeForm("Geheime tuinplannen", "0"));
        String editPath = created.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        String id = editPath.split("/")[3];
        PortalClient visitor = new PortalClient(server.getURL().toString());

        assertThat(visitor.get(wijkPath()).html()).doesNotContain("Geheime tuinplannen");
        assertThat(visitor.get("/" + Slugs.of(municipality.name()) + "/initiatieven/" + id).status()).isEqualTo(404);

        browser.get(editPath);
        Page submitted = browser.post("/mijn/initiatieven/" + id + "/indienen", Map.of());
        assertThat(submitted.status()).isEqualTo(303);

        Page wijkPage = visitor.get(wijkPath());
        assertThat(wijkPage.status()).isEqualTo(200);
        assertThat(wijkPage.html()).contains("Geheime tuinplannen");
        assertThat(visitor.get("/" + Slugs.of(municipality.name()) + "/initiatieven/" + id).html()).contains("Ingediend");
    }

    @Test
    void signingOutEverywhereEndsThisSessionAndTheAppsTokens() {
        signIn(browser, resident);
        String session = browser.cookie("wom_session");
        browser.get("/mijn/gegevens");

        Page signedOut = browser.post("/mijn/gegevens/overal-uitloggen", Map.of());

        assertThat(signedOut.status()).isEqualTo(303);
        PortalClient stolen = new PortalClient(server.getURL().toString());
        stolen.setCookie("wom_session", session);
        Page refused = stolen.get("/mijn/gegevens");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).startsWith("/inloggen");
        assertThat(api.get("/api/v1/me").token(resident.accessToken()).send().status()).isEqualTo(401);
    }

    @Test
    void aPageThatNeedsASignInSendsTheVisitorThereAndBack() {
        Page redirected = browser.get("/mijn/initiatieven");

        assertThat(redirected.status()).isEqualTo(303);
        assertThat(redirected.header("Location")).isEqualTo("/inloggen?terug=%2Fmijn%2Finitiatieven");
    }

    @Test
    void signInNeverSendsTheReaderToAnotherSite() {
        browser.get("/inloggen");
        Page signedIn = browser.post("/inloggen", Map.of("email", resident.email(), "password", Fixtures.PASSWORD,
                "terug", "//evil.example/steal"));

        assertThat(signedIn.header("Location")).isEqualTo("/");
    }

    @Test
    void aPageToReturnToThatIsNoAddressLeadsToTheStartPage() {
        signIn(browser, resident);
        browser.get("/mijn/berichten");

        Page withSpace = browser.post("/mijn/berichten/gelezen", Map.of("terug", "/mijn/berichten?na=a b"));
        Page brokenEscape = browser.post("/mijn/berichten/gelezen", Map.of("terug", "/mijn/berichten?na=%zz"));

        assertThat(withSpace.status()).isEqualTo(303);
        assertThat(withSpace.header("Location")).isEqualTo("/");
        assertThat(brokenEscape.status()).isEqualTo(303);
        assertThat(brokenEscape.header("Location")).isEqualTo("/");
    }

    @Test
    void theLanguageSwitchAndAcceptLanguageChooseEnglish() {
        Page switched = browser.get("/taal?lang=en&terug=%2Fprivacy");

        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.header("Location")).isEqualTo("/privacy");
        Page privacy = browser.get("/privacy");
        assertThat(privacy.html()).contains("<html lang=\"en\"", "Privacy statement");
        assertThat(new PortalClient(server.getURL().toString()).get("/toegankelijkheid").html())
                .contains("<html lang=\"nl\"", "Toegankelijkheidsverklaring");
    }

    @Test
    void theFooterLinksBothStatementsOnEveryPage() {
        for (String path : new String[] {"/", "/inloggen", "/registreren", wijkPath()}) {
            Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html()).as(path).contains("href=\"/toegankelijkheid\"", "href=\"/privacy\"", "href=\"#inhoud\"");
        }
    }

    /** Every section of the wijk page reads its part in a few statements, never one per initiative shown. */
    @Test
    void theWijkPageCostsAFixedNumberOfStatements() {
        submittedInitiative("Initiatief nummer 0");
        browser.get(wijkPath());
        statements.reset();
        Page first = browser.get(wijkPath());
        int forOne = statements.count();
        for (int i = 1; i < 25; i++) {
            submittedInitiative("Initiatief nummer " + i);
        }
        statements.reset();
        Page many = browser.get(wijkPath());

        assertThat(first.status()).isEqualTo(200);
        assertThat(many.status()).isEqualTo(200);
        assertThat(many.html()).contains("Initiatief nummer 24");
        assertThat(statements.count()).as("statements: %s", statements.executed().stream().map(StatementCounter.Executed::sql).toList())
                .isEqualTo(forOne).isLessThanOrEqualTo(26);
    }

    private void submittedInitiative(String title) {
        String id = api.post("/api/v1/initiatives").token(resident.accessToken()).json(apiContent(title)).send().text("/id");
        assertThat(api.post("/api/v1/initiatives/" + id + "/status-changes").token(resident.accessToken())
                .json(Map.of("action", "SUBMIT")).send().status()).isEqualTo(201);
    }

    @Test
    void anUnknownAddressIsAPageNotFoundWhileTheApiKeepsItsProblem() {
        Page unknown = browser.get("/bestaat/niet/echt/niet");
        Page noMunicipality = browser.get("/nergensdorp-aan-zee");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("text/html");
        assertThat(unknown.html()).contains("<h1 class=\"utrecht-heading-1\">Pagina niet gevonden</h1>", "Dit adres bestaat niet.",
                "href=\"/\"");
        assertThat(noMunicipality.status()).isEqualTo(404);
        assertThat(noMunicipality.html()).contains("Deze gemeente bestaat niet.");
        ApiResponse apiUnknown = api.get("/api/v1/bestaat-niet").outsideContract().send();
        assertThat(apiUnknown.status()).isEqualTo(404);
        assertThat(apiUnknown.header("Content-Type")).startsWith("application/problem+json");
    }

    private Map<String, Object> apiContent(String title) {
        return Map.of("title", title, "description", "Samen de buurt mooier maken.", "theme", "GROEN",
                "wijkId", wijk.id().toString(), "requestedBudgetCents", 0);
    }
}
