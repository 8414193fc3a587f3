package nl.wijkopmaat.notification;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class InboxTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    DeviceRepository devices;
    @Inject
    NotificationRepository notifications;

    MunicipalityView municipality;
    Person author;
    Person official;
    String initiativeId;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id());
        author = fixtures.resident(municipality.id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Map<String, Object> content = new HashMap<>(Map.of("title", "Buurtbibliotheek", "description", "Boeken ruilen.",
                "theme", "CULTUUR", "wijkId", wijk.id().toString(), "requestedBudgetCents", 5_000));
        initiativeId = api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send().text("/id");
        api.post("/api/v1/initiatives/" + initiativeId + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send();
        api.put("/api/v1/initiatives/" + initiativeId + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send();
        api.post("/api/v1/initiatives/" + initiativeId + "/reviews").token(official.accessToken())
                .json(Map.of("decision", "REQUEST_CHANGES", "reason", "Waar komt de kast?")).send();
    }

    private ApiResponse inbox(Person person) {
        return api.get("/api/v1/notifications").token(person.accessToken()).send();
    }

    @Test
    void newestFirstWithAnUnreadCountAndReadMarks() {
        ApiResponse inbox = inbox(author);
        assertThat(inbox.json().get("items").findValuesAsText("kind"))
                .containsExactly("INITIATIVE_CHANGES_REQUESTED", "INITIATIVE_OWNER_ASSIGNED");
        assertThat(inbox.json().get("unreadCount").asLong()).isEqualTo(2);
        assertThat(inbox.text("/items/0/resourceType")).isEqualTo("INITIATIVE");
        assertThat(inbox.text("/items/0/resourceId")).isEqualTo(initiativeId);
        assertThat(inbox.text("/items/0/title")).isEqualTo("Aanpassingen gevraagd");

        String first = inbox.text("/items/0/id");
        ApiResponse read = api.put("/api/v1/notifications/" + first + "/read").token(author.accessToken()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/readAt")).isNotBlank();
        assertThat(inbox(author).json().get("unreadCount").asLong()).isEqualTo(1);

        assertThat(api.put("/api/v1/notifications/read").token(author.accessToken()).send().status()).isEqualTo(204);
        assertThat(inbox(author).json().get("unreadCount").asLong()).isZero();
    }

    @Test
    void theInboxIsPagedNewestFirst() {
        ApiResponse first = api.get("/api/v1/notifications").token(author.accessToken()).query("limit", 1).send();
        assertThat(first.json().get("items")).hasSize(1);
        ApiResponse second = api.get("/api/v1/notifications").token(author.accessToken()).query("limit", 1)
                .query("cursor", first.text("/nextCursor")).send();
        assertThat(second.text("/items/0/kind")).isEqualTo("INITIATIVE_OWNER_ASSIGNED");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(second.json().get("unreadCount").asLong()).isEqualTo(2);
    }

    @Test
    void someoneElsesNotificationDoesNotExistForYou() {
        String mine = inbox(author).text("/items/0/id");
        assertThat(api.put("/api/v1/notifications/" + mine + "/read").token(official.accessToken()).send().status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/notifications/" + UUID.randomUUID() + "/read").token(author.accessToken()).send().status())
                .isEqualTo(404);
    }

    @Test
    void textsAreRenderedInTheReadersLanguageWheneverTheItemWasCreated() {
        ApiResponse dutch = api.get("/api/v1/notifications").token(author.accessToken()).header("Accept-Language", "nl").send();
        assertThat(dutch.text("/items/1/kind")).isEqualTo("INITIATIVE_OWNER_ASSIGNED");
        assertThat(dutch.text("/items/1/title")).isEqualTo("Uw initiatief heeft een behandelaar");
        assertThat(dutch.text("/items/1/body")).isEqualTo("Een medewerker van de gemeente behandelt nu \"Buurtbibliotheek\".");

        ApiResponse english = api.get("/api/v1/notifications").token(author.accessToken())
                .header("Accept-Language", "en-GB,en;q=0.9,nl;q=0.5").send();
        assertThat(english.text("/items/1/id")).isEqualTo(dutch.text("/items/1/id"));
        assertThat(english.text("/items/1/title")).isEqualTo("Your initiative has an owner");
        assertThat(english.text("/items/1/body")).isEqualTo("A municipal officer now handles \"Buurtbibliotheek\".");

        ApiResponse read = api.put("/api/v1/notifications/" + english.text("/items/0/id") + "/read")
                .token(author.accessToken()).header("Accept-Language", "en").send();
        assertThat(read.text("/title")).isEqualTo("Changes requested");
        assertThat(api.get("/api/v1/notifications").token(author.accessToken()).send().text("/items/0/title"))
                .as("Dutch without Accept-Language").isEqualTo("Aanpassingen gevraagd");
    }

    @Test
    void anItemStoredWithItsTextsBeforeMessageCodesStillReads() {
        notifications.save(new Notification(UUID.randomUUID(), null, author.id(), NotificationCategory.MY_INITIATIVES,
                "INITIATIVE_APPROVED", null, null, "Initiatief goedgekeurd", "\"Buurtbibliotheek\" is goedgekeurd.",
                "INITIATIVE", UUID.fromString(initiativeId), Instant.now(), null));
        ApiResponse english = api.get("/api/v1/notifications").token(author.accessToken()).header("Accept-Language", "en").send();
        assertThat(english.text("/items/0/title")).isEqualTo("Initiatief goedgekeurd");
        assertThat(english.text("/items/0/body")).isEqualTo("\"Buurtbibliotheek\" is goedgekeurd.");
    }

    @Test
    void exportShowsDevicesInboxAndPreferencesAndErasureRemovesThem() {
        String token = "fcm-" + UUID.randomUUID();
        api.post("/api/v1/devices").token(author.accessToken()).json(Map.of("token", token, "platform", "IOS")).send();
        ApiResponse export = api.get("/api/v1/me/export").token(author.accessToken()).send();
        assertThat(export.text("/sections/notifications/devices/0/token")).isEqualTo(token);
        assertThat(export.json().at("/sections/notifications/inbox")).hasSize(2);
        assertThat(export.text("/sections/notifications/inbox/0/title")).as("in the person's own language")
                .isEqualTo("Uw initiatief heeft een behandelaar");
        assertThat(export.text("/sections/notifications/preferences/quietHours/start")).isEqualTo("22:00");
        assertThat(export.json().at("/sections/notifications/preferences/push/initiativesToHandle").asBoolean()).isTrue();

        fixtures.erase(author);
        assertThat(devices.findByAccountId(author.id())).isEmpty();
        assertThat(notifications.inboxOf(author.id())).isEmpty();
    }
}
