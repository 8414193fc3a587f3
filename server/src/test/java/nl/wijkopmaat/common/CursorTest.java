package nl.wijkopmaat.common;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list refuses a cursor it did not make: garbage, an altered one, or one of another list or
 * another filter is a 400 naming {@code cursor}, never an empty page that looks like the end.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CursorTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    private UUID municipalityId;
    private WijkDetail wijk;
    private WijkDetail otherWijk;
    private Person author;
    private Person admin;
    private Person official;
    private String initiativeId;
    private String opportunityId;
    private String shiftId;
    private String dialoogtafelId;

    @BeforeAll
    void setUp() {
        municipalityId = fixtures.municipality().id();
        wijk = fixtures.wijk(municipalityId);
        otherWijk = fixtures.wijk(municipalityId);
        author = fixtures.resident(municipalityId);
        admin = fixtures.withRole(municipalityId, Role.ADMIN, municipalityId);
        official = fixtures.withRole(municipalityId, Role.OFFICIAL, municipalityId);
        for (int i = 0; i < 3; i++) {
            initiativeId = createSubmittedInitiative(wijk.id());
            createSubmittedInitiative(otherWijk.id());
        }
        opportunityId = api.post("/api/v1/volunteer-opportunities").token(official.accessToken()).json(Map.of(
                "title", Fixtures.unique("Buurtmaaltijd"), "description", "Samen koken", "wijkId", wijk.id().toString()))
                .send().text("/id");
        String start = java.time.Instant.now().plus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        String end = java.time.Instant.parse(start).plus(java.time.Duration.ofHours(2)).toString();
        shiftId = api.post("/api/v1/volunteer-opportunities/" + opportunityId + "/shifts").token(official.accessToken())
                .json(Map.of("startsAt", start, "endsAt", end, "capacity", 5)).send().text("/id");
        api.post("/api/v1/shifts/" + shiftId + "/signups").token(author.accessToken()).send();
        for (int i = 0; i < 2; i++) {
            dialoogtafelId = api.post("/api/v1/dialoogtafels").token(official.accessToken()).json(Map.of(
                    "title", Fixtures.unique("Dialoogtafel"), "description", "Samen praten", "theme", "OUDEREN",
                    "wijkId", wijk.id().toString(), "onlineLink", "https://meet.example.org/tafel", "startsAt", start,
                    "endsAt", end, "capacity", 5)).send().text("/id");
        }
        api.post("/api/v1/dialoogtafels/" + dialoogtafelId + "/registrations").token(author.accessToken()).send();
        api.post("/api/v1/dialoogtafels/" + dialoogtafelId + "/registrations").token(admin.accessToken()).send();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/initiatives/" + initiativeId + "/comments").token(author.accessToken())
                    .json(Map.of("body", "Goed plan " + i)).send();
        }
    }

    /** Each list, with the caller that may read it. */
    Stream<Arguments> lists() {
        return Stream.of(
                list("/api/v1/municipalities", null),
                list("/api/v1/municipalities/" + municipalityId + "/wijken", null),
                list("/api/v1/municipalities/" + municipalityId + "/staff", admin.accessToken()),
                list("/api/v1/municipalities/" + municipalityId + "/officials", official.accessToken()),
                list("/api/v1/municipalities/" + municipalityId + "/overdue-initiatives", official.accessToken()),
                list("/api/v1/initiatives", null),
                list("/api/v1/initiatives/" + initiativeId + "/status-changes", null),
                list("/api/v1/initiatives/" + initiativeId + "/reviews", null),
                list("/api/v1/initiatives/" + initiativeId + "/comments", null),
                list("/api/v1/notifications", author.accessToken()),
                list("/api/v1/volunteer-opportunities", null),
                list("/api/v1/volunteer-opportunities?matchMe=true", author.accessToken()),
                list("/api/v1/volunteer-opportunities/" + opportunityId + "/shifts", null),
                list("/api/v1/shifts/" + shiftId + "/signups", official.accessToken()),
                list("/api/v1/dialoogtafels", null),
                list("/api/v1/dialoogtafels/" + dialoogtafelId + "/registrations", official.accessToken()));
    }

    private static Arguments list(String path, String token) {
        return Arguments.of(path, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void garbageIsRefused(String path, String token) {
        assertCursorRefused(path, token, "garbage");
        assertCursorRefused(path, token, "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aCursorOfAnotherListIsRefused(String path, String token) {
        String foreign = path.equals("/api/v1/initiatives")
                ? nextCursor("/api/v1/municipalities", null)
                : nextCursor("/api/v1/initiatives", null);

        assertCursorRefused(path, token, foreign);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void anAlteredCursorIsRefused(String path, String token) {
        String cursor = nextCursor("/api/v1/municipalities", null);
        String altered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        assertCursorRefused(path, token, altered);
    }

    @Test
    void aCursorOfTheSameListWithAnotherFilterIsRefused() {
        String cursor = api.get("/api/v1/initiatives").query("wijk", wijk.id()).query("limit", 1).send().text("/nextCursor");

        assertCursorRefused("/api/v1/initiatives?wijk=" + otherWijk.id(), null, cursor);
        assertCursorRefused("/api/v1/initiatives?wijk=" + wijk.id() + "&sort=SUPPORT", null, cursor);
    }

    @Test
    void theListsOwnCursorLeadsToTheNextPage() {
        ApiResponse first = api.get("/api/v1/initiatives").query("wijk", wijk.id()).query("limit", 2).send();
        ApiResponse second = api.get("/api/v1/initiatives").query("wijk", wijk.id()).query("limit", 2)
                .query("cursor", first.text("/nextCursor")).send();

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }

    private String nextCursor(String path, String token) {
        Api.Call call = api.get(path).query("limit", 1);
        if (token != null) {
            call.token(token);
        }
        ApiResponse response = call.send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String cursor = response.text("/nextCursor");
        assertThat(cursor).as("a next page of " + path).isNotBlank().isNotEqualTo("null");
        return cursor;
    }

    private void assertCursorRefused(String path, String token, String cursor) {
        String separator = path.contains("?") ? "&" : "?";
        Api.Call call = api.get(path + separator + "cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))
                .outsideContract();
        if (token != null) {
            call.token(token);
        }
        ApiResponse response = call.send();
        assertThat(response.status()).as(path + " with cursor " + cursor + ": " + response.body()).isEqualTo(400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("cursor");
    }

    private String createSubmittedInitiative(UUID wijkId) {
        ApiResponse created = api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of(
                "title", Fixtures.unique("Bankjes"), "description", "Bankjes langs het water", "theme", "GROEN",
                "wijkId", wijkId.toString(), "requestedBudgetCents", 0)).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("/id");
        api.post("/api/v1/initiatives/" + id + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send();
        return id;
    }
}
