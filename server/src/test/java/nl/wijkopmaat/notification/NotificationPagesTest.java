package nl.wijkopmaat.notification;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox and notification preference pages through HTTP: what they show is what the API gives,
 * and what their forms do is checked through the API.
 */
@MicronautTest(transactional = false)
class NotificationPagesTest {

    private static final Pattern NEXT_LINK = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    NotificationRepository notifications;

    MunicipalityView municipality;
    Person author;
    String initiativeId;
    PortalClient browser;

    @BeforeEach
    void world() {
        municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id());
        author = fixtures.resident(municipality.id());
        Person official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Map<String, Object> content = new HashMap<>(Map.of("title", "Buurtbibliotheek", "description", "Boeken ruilen.",
                "theme", "CULTUUR", "wijkId", wijk.id().toString(), "requestedBudgetCents", 5_000));
        initiativeId = api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send().text("/id");
        api.post("/api/v1/initiatives/" + initiativeId + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send();
        api.put("/api/v1/initiatives/" + initiativeId + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send();
        api.post("/api/v1/initiatives/" + initiativeId + "/reviews").token(official.accessToken())
                .json(Map.of("decision", "REQUEST_CHANGES", "reason", "Waar komt de kast?")).send();
        browser = new PortalClient(server.getURL().toString());
    }

    private void signIn(PortalClient client, Person person) {
        client.get("/inloggen");
        assertThat(client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
    }

    private ApiResponse inbox(Person person) {
        return api.get("/api/v1/notifications").token(person.accessToken()).send();
    }

    private ApiResponse preferences(Person person) {
        return api.get("/api/v1/me/notification-preferences").token(person.accessToken()).send();
    }

    @Test
    void theInboxListsTheNoticesOfTheStatusChangesNewestFirstWithALinkToTheInitiative() {
        signIn(browser, author);

        Page page = browser.get("/mijn/berichten");

        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(html).contains("Ongelezen: 2", "Alles als gelezen markeren");
        assertThat(html.indexOf("Aanpassingen gevraagd")).isPositive()
                .isLessThan(html.indexOf("Uw initiatief heeft een behandelaar"));
        assertThat(html).contains("Buurtbibliotheek")
                .contains("href=\"/" + Slugs.of(municipality.name()) + "/initiatieven/" + initiativeId + "\"");
        String firstId = inbox(author).text("/items/0/id");
        assertThat(html).contains("action=\"/mijn/berichten/" + firstId + "/gelezen\"");
        assertThat(html).contains("href=\"/mijn/meldingen\"");
        assertThat(html).doesNotContain("rel=\"next\"");

        browser.setCookie("wom_lang", "en");
        Page english = browser.get("/mijn/berichten");
        assertThat(english.html()).contains("Changes requested", "Your initiative has an owner", "Unread: 2", "Mark all as read");
    }

    @Test
    void markingOneAndThenAllAsReadIsWhatTheApiShows() {
        signIn(browser, author);
        browser.get("/mijn/berichten");
        String first = inbox(author).text("/items/0/id");

        Page marked = browser.post("/mijn/berichten/" + first + "/gelezen", Map.of("terug", "/mijn/berichten"));

        assertThat(marked.status()).isEqualTo(303);
        assertThat(marked.header("Location")).isEqualTo("/mijn/berichten");
        ApiResponse afterOne = inbox(author);
        assertThat(afterOne.json().get("unreadCount").asLong()).isEqualTo(1);
        assertThat(afterOne.text("/items/0/readAt")).isNotBlank();
        assertThat(afterOne.json().get("items").get(1).get("readAt").isNull()).isTrue();
        Page shown = browser.get("/mijn/berichten");
        assertThat(shown.html()).contains("Ongelezen: 1", "Gelezen").doesNotContain("action=\"/mijn/berichten/" + first + "/gelezen\"");

        Page all = browser.post("/mijn/berichten/gelezen", Map.of("terug", "/mijn/berichten"));

        assertThat(all.status()).isEqualTo(303);
        assertThat(inbox(author).json().get("unreadCount").asLong()).isZero();
        assertThat(browser.get("/mijn/berichten").html()).contains("Ongelezen: 0").doesNotContain("Alles als gelezen markeren");
    }

    @Test
    void someoneElsesNotificationCannotBeMarkedReadAndIsNeverShown() {
        Person neighbour = fixtures.resident(municipality.id());
        signIn(browser, neighbour);
        Page empty = browser.get("/mijn/berichten");
        assertThat(empty.html()).contains("U hebt nog geen berichten.").doesNotContain("Buurtbibliotheek");
        String authors = inbox(author).text("/items/0/id");

        Page refused = browser.post("/mijn/berichten/" + authors + "/gelezen", Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(inbox(author).json().get("unreadCount").asLong()).isEqualTo(2);
    }

    @Test
    void aLongInboxIsPagedWithTheServicesCursorAndOnlyInitiativesGetALink() {
        Person reader = fixtures.resident(municipality.id());
        Instant now = Instant.now();
        List<Notification> many = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            many.add(new Notification(UUID.randomUUID(), null, reader.id(), NotificationCategory.DIALOOGTAFELS,
                    "DIALOOGTAFEL_CHANGED", null, null, "Bericht nummer " + i, "Tekst " + i, "DIALOOGTAFEL",
                    UUID.randomUUID(), now, null));
        }
        for (Notification notification : many) {
            notifications.save(notification);
        }
        signIn(browser, reader);

        Page first = browser.get("/mijn/berichten");

        assertThat(first.html()).contains("Bericht nummer 21", "Bericht nummer 2<").doesNotContain("Bericht nummer 1<")
                .doesNotContain("Naar het initiatief");
        Matcher next = NEXT_LINK.matcher(first.html());
        assertThat(next.find()).isTrue();
        String nextHref = next.group(1).replace("&amp;", "&");
        String apiCursor = inbox(reader).text("/nextCursor");
        assertThat(nextHref).startsWith("/mijn/berichten?na=");
        assertThat(java.net.URLDecoder.decode(nextHref.substring("/mijn/berichten?na=".length()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(apiCursor);

        Page second = browser.get(nextHref);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).contains("Bericht nummer 1<", "Nieuwste berichten").doesNotContain("Bericht nummer 2<")
                .doesNotContain("rel=\"next\"");
        Page markedThere = browser.post("/mijn/berichten/gelezen", Map.of("terug", nextHref));
        assertThat(markedThere.header("Location")).isEqualTo(nextHref);
    }

    @Test
    void thePreferencesShowWhatTheApiHasAndSavingStoresItThroughTheSameService() {
        signIn(browser, author);

        Page defaults = browser.get("/mijn/meldingen");

        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.html()).contains("<fieldset", "<legend", "Mijn initiatieven", "Herinneringen", "Stille uren")
                .containsPattern("id=\"push.myInitiatives\"[^>]*checked")
                .containsPattern("id=\"mail.dialoogtafels\"[^>]*checked")
                .doesNotContainPattern("id=\"mail.myInitiatives\"[^>]*checked")
                .contains("value=\"22:00\"", "value=\"08:00\"");

        Map<String, String> form = new HashMap<>();
        form.put("push.dialoogtafels", "aan");
        form.put("mail.myInitiatives", "aan");
        form.put("quietHours.start", "23:30");
        form.put("quietHours.end", "07:15");
        Page saved = browser.post("/mijn/meldingen", form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/mijn/meldingen?opgeslagen=1");
        ApiResponse stored = preferences(author);
        assertThat(stored.json().get("push").get("dialoogtafels").asBoolean()).isTrue();
        assertThat(stored.json().get("push").get("myInitiatives").asBoolean()).isFalse();
        assertThat(stored.json().get("push").get("reminders").asBoolean()).isFalse();
        assertThat(stored.json().get("mail").get("myInitiatives").asBoolean()).isTrue();
        assertThat(stored.json().get("mail").get("dialoogtafels").asBoolean()).isFalse();
        assertThat(stored.text("/quietHours/start")).isEqualTo("23:30");
        assertThat(stored.text("/quietHours/end")).isEqualTo("07:15");
        Page shown = browser.get("/mijn/meldingen?opgeslagen=1");
        assertThat(shown.html()).contains("Uw instellingen zijn opgeslagen.", "value=\"23:30\"", "value=\"07:15\"")
                .containsPattern("id=\"push.dialoogtafels\"[^>]*checked")
                .doesNotContainPattern("id=\"push.myInitiatives\"[^>]*checked")
                .containsPattern("id=\"mail.myInitiatives\"[^>]*checked");
    }

    @Test
    void anInvalidTimeIsShownBesideItsFieldAndChangesNothing() {
        signIn(browser, author);
        browser.get("/mijn/meldingen");
        String before = preferences(author).body();

        Page refused = browser.post("/mijn/meldingen", Map.of("push.myInitiatives", "aan", "quietHours.start", "25:00",
                "quietHours.end", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("quietHours.start")).isEqualTo("heeft niet de juiste vorm");
        assertThat(refused.errorOf("quietHours.end")).isEqualTo("is verplicht");
        assertThat(refused.html()).contains("value=\"25:00\"").containsPattern("id=\"push.myInitiatives\"[^>]*checked")
                .doesNotContainPattern("id=\"push.reminders\"[^>]*checked");
        assertThat(preferences(author).body()).isEqualTo(before);
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefusedAndChangeNothing() {
        signIn(browser, author);
        browser.get("/mijn/berichten");
        String first = inbox(author).text("/items/0/id");
        String before = preferences(author).body();

        assertThat(browser.postRaw("/mijn/berichten/" + first + "/gelezen", Map.of("terug", "/mijn/berichten")).status()).isEqualTo(403);
        assertThat(browser.postRaw("/mijn/berichten/gelezen", Map.of("csrfToken", "forged.token")).status()).isEqualTo(403);
        assertThat(browser.postRaw("/mijn/meldingen", Map.of("quietHours.start", "01:00", "quietHours.end", "02:00"))
                .status()).isEqualTo(403);

        assertThat(inbox(author).json().get("unreadCount").asLong()).isEqualTo(2);
        assertThat(preferences(author).body()).isEqualTo(before);
    }

    @Test
    void signedOutThePagesAndFormsSendToTheSignInPage() {
        assertThat(browser.get("/mijn/berichten").header("Location")).isEqualTo("/inloggen?terug=%2Fmijn%2Fberichten");
        assertThat(browser.get("/mijn/meldingen").header("Location")).isEqualTo("/inloggen?terug=%2Fmijn%2Fmeldingen");

        browser.get("/inloggen");
        Page readAll = browser.post("/mijn/berichten/gelezen", Map.of());
        Page save = browser.post("/mijn/meldingen", Map.of("quietHours.start", "01:00", "quietHours.end", "02:00"));

        assertThat(readAll.status()).isEqualTo(303);
        assertThat(readAll.header("Location")).startsWith("/inloggen");
        assertThat(save.status()).isEqualTo(303);
        assertThat(save.header("Location")).startsWith("/inloggen");
    }

    @Test
    void theNavigationOfASignedInPersonLinksBothPages() {
        signIn(browser, author);

        Page anyPage = browser.get("/mijn/gegevens");

        assertThat(anyPage.html()).contains("href=\"/mijn/berichten\">Berichten</a>", "href=\"/mijn/meldingen\">Meldingen</a>");
        assertThat(new PortalClient(server.getURL().toString()).get("/").html()).doesNotContain("href=\"/mijn/meldingen\"");
    }
}
