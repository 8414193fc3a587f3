package nl.wijkopmaat.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation with a body reads it strictly: a body with two wrong fields of different kinds
 * is one 400 naming both by their JSON names, and nothing is converted behind the client's back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodyStrictnessTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    private Person resident;
    private UUID municipalityId;

    @BeforeAll
    void setUp() {
        municipalityId = fixtures.municipality().id();
        resident = fixtures.resident(municipalityId);
    }

    /** Method, path, a body with two faults of different kinds, and the fields that must be named. */
    Stream<Arguments> operationsWithABody() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                row("POST", "/api/v1/municipalities/" + id + "/wijken", "{\"name\": 12, \"colour\": \"red\"}", "name", "colour"),
                row("PATCH", "/api/v1/wijken/" + id, "{\"name\": true, \"extra\": 1}", "name", "extra"),
                row("POST", "/api/v1/wijken/" + id + "/buurten", "{\"name\": [], \"size\": 3}", "name", "size"),
                row("PATCH", "/api/v1/buurten/" + id, "{\"name\": {}, \"x\": null}", "name", "x"),
                row("PUT", "/api/v1/wijkplatforms/" + id + "/members",
                        "{\"members\": [{\"email\": 5, \"role\": \"chair\"}]}", "members[0].email", "members[0].role"),
                row("POST", "/api/v1/municipalities/" + id + "/staff", "{\"email\": 7, \"role\": \"official\"}", "email", "role"),
                row("POST", "/api/v1/accounts", """
                        {"email": "a@example.org", "password": 1234567890123, "displayName": "Test",
                         "municipalityId": "not-a-uuid"}""", "password", "municipalityId"),
                row("POST", "/api/v1/auth/login", "{\"username\": 12, \"password\": false}", "username", "password"),
                row("POST", "/api/v1/auth/token", "{\"grant_type\": 1, \"refresh_token\": true}", "grant_type", "refresh_token"),
                row("POST", "/api/v1/auth/logout", "{\"refresh_token\": 5, \"all\": true}", "all", "refresh_token"),
                row("POST", "/api/v1/accounts/verifications", "{\"token\": 5, \"code\": 1}", "code", "token"),
                row("POST", "/api/v1/accounts/password-resets", "{\"email\": 5, \"name\": \"x\"}", "email", "name"),
                row("PUT", "/api/v1/accounts/password-resets", "{\"token\": true, \"password\": 7}", "password", "token"),
                row("PUT", "/api/v1/me/password", "{\"currentPassword\": 1, \"newPassword\": []}",
                        "currentPassword", "newPassword"),
                row("POST", "/api/v1/me/erasure", "{\"password\": 12, \"reason\": \"x\"}", "password", "reason"),
                row("PATCH", "/api/v1/me", "{\"displayName\": 12, \"locale\": \"NL\"}", "displayName", "locale"),
                row("POST", "/api/v1/initiatives", """
                        {"title": 12345, "description": "Een bankje bij de speeltuin", "theme": "groen",
                         "wijkId": "%s", "requestedBudgetCents": 12.5}""".formatted(id), "requestedBudgetCents", "theme", "title"),
                row("PATCH", "/api/v1/initiatives/" + id, "{\"latitude\": \"52.1\", \"requestedBudgetCents\": \"100\"}",
                        "latitude", "requestedBudgetCents"),
                row("POST", "/api/v1/initiatives/" + id + "/status-changes", "{\"action\": \"submit\", \"reason\": 5}",
                        "action", "reason"),
                row("PUT", "/api/v1/initiatives/" + id + "/owner", "{\"ownerId\": 42, \"dueDate\": \"2026-01-01\"}",
                        "dueDate", "ownerId"),
                row("POST", "/api/v1/initiatives/" + id + "/reviews", "{\"decision\": \"approve\", \"reason\": false}",
                        "decision", "reason"),
                row("POST", "/api/v1/initiatives/" + id + "/comments", "{\"body\": 1, \"author\": \"me\"}", "author", "body"),
                row("PUT", "/api/v1/initiatives/" + id + "/comments/" + id + "/hidden", "{\"reason\": [\"spam\"], \"by\": 1}",
                        "by", "reason"),
                row("POST", "/api/v1/devices", "{\"token\": 123, \"platform\": \"android\"}", "platform", "token"),
                row("PUT", "/api/v1/me/notification-preferences", """
                        {"push": {"myInitiatives": "yes"}, "quietHours": {"start": "22:00", "end": 8}}""",
                        "push.myInitiatives", "quietHours.end"),
                row("POST", "/api/v1/volunteer-opportunities", """
                        {"title": 12345, "description": "Samen koken", "wijkId": "%s", "skills": [7],
                         "coordinatorIds": ["x"]}""".formatted(id), "title", "skills[0]", "coordinatorIds[0]"),
                row("PATCH", "/api/v1/volunteer-opportunities/" + id, "{\"status\": \"open\", \"organiserId\": \"me\"}",
                        "status", "organiserId"),
                row("POST", "/api/v1/volunteer-opportunities/" + id + "/shifts", """
                        {"startsAt": "2030-01-01T10:00:00Z", "endsAt": "tomorrow", "capacity": 12.5}""",
                        "endsAt", "capacity"),
                row("PATCH", "/api/v1/shifts/" + id, "{\"capacity\": \"12\", \"room\": 3}", "capacity", "room"),
                row("PUT", "/api/v1/shifts/" + id + "/hours", """
                        {"volunteers": [{"volunteerId": "%s", "minutes": 90.5, "noShow": "no"}]}""".formatted(id),
                        "volunteers[0].minutes", "volunteers[0].noShow"),
                row("PUT", "/api/v1/me/volunteer-profile", """
                        {"skills": "koken", "availability": ["weekends"], "newOpportunityNotices": true}""",
                        "skills", "availability[0]"),
                row("POST", "/api/v1/dialoogtafels", """
                        {"title": "Samen praten", "description": "Over de wijk", "theme": "ouderen", "wijkId": "%s",
                         "place": {"name": 5, "address": "Kade 1"}, "startsAt": "2030-01-01T10:00:00Z",
                         "endsAt": "2030-01-01T12:00:00Z", "capacity": 12.5}""".formatted(id),
                        "theme", "place.name", "capacity"),
                row("PATCH", "/api/v1/dialoogtafels/" + id, "{\"capacity\": \"12\", \"room\": 3}", "capacity", "room"),
                row("POST", "/api/v1/dialoogtafels/" + id + "/cancellation", "{\"reason\": 5, \"notify\": true}",
                        "reason", "notify"),
                row("PUT", "/api/v1/dialoogtafels/" + id + "/attendance", """
                        {"registrations": [{"registrationId": "x", "attendance": "present"}]}""",
                        "registrations[0].registrationId", "registrations[0].attendance"),
                row("PUT", "/api/v1/dialoogtafels/" + id + "/report", """
                        {"summary": "Goed gesprek", "participantCount": "12",
                         "actionPoints": [{"text": "Koffieochtend", "takenUpBy": 7}]}""",
                        "participantCount", "actionPoints[0].takenUpBy"),
                row("PUT", "/api/v1/me/dialoogtafel-alerts", "{\"newInMyWijk\": \"yes\", \"all\": true}",
                        "newInMyWijk", "all"));
    }

    private static Arguments row(String method, String path, String body, String... fields) {
        return Arguments.of(method, path, body, List.of(fields));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operationsWithABody")
    void everyWrongFieldIsNamedAtOnce(String method, String path, String body, List<String> fields) {
        ApiResponse response = call(method, path).token(resident.accessToken()).invalidInput()
                .rawBody(body, MediaType.APPLICATION_JSON_TYPE).send();

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(names(response)).containsAll(fields);
    }

    @Test
    void anEnumProblemListsTheAllowedValues() {
        ApiResponse response = api.post("/api/v1/devices").token(resident.accessToken()).invalidInput()
                .header("Accept-Language", "en")
                .rawBody("{\"token\": \"abc\", \"platform\": \"android\"}", MediaType.APPLICATION_JSON_TYPE).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("platform");
        assertThat(response.text("/invalidParams/0/reason")).contains("ANDROID").contains("IOS");
    }

    @Test
    void aTypeErrorAndAConstraintViolationAreReportedTogether() {
        ApiResponse response = api.post("/api/v1/initiatives").token(resident.accessToken()).invalidInput()
                .rawBody("""
                        {"title": "ab", "description": "Een bankje", "theme": "GROEN",
                         "wijkId": "%s", "requestedBudgetCents": "100"}""".formatted(UUID.randomUUID()),
                        MediaType.APPLICATION_JSON_TYPE).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(names(response)).containsExactly("requestedBudgetCents", "title");
    }

    @Test
    void numbersAreNotBooleansAndNullIsNotAValue() {
        ApiResponse response = api.put("/api/v1/me/notification-preferences").token(resident.accessToken()).invalidInput()
                .rawBody("{\"push\": 1, \"quietHours\": {\"start\": 2200, \"end\": \"08:00\"}}",
                        MediaType.APPLICATION_JSON_TYPE).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(names(response)).contains("push", "quietHours.start");
    }

    @Test
    void aBodyThatIsNotAnObjectIsNamedBody() {
        ApiResponse response = api.post("/api/v1/initiatives").token(resident.accessToken()).invalidInput()
                .rawBody("[1, 2]", MediaType.APPLICATION_JSON_TYPE).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(names(response)).containsExactly("body");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mine=maybe", "mine=TRUE", "supportedByMe=1", "status=submitted",
            "sort=support", "theme=Groen"})
    void queryValuesAreReadExactly(String query) {
        ApiResponse response = api.get("/api/v1/initiatives?" + query).token(resident.accessToken()).outsideContract().send();

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(names(response)).containsExactly(query.substring(0, query.indexOf('=')));
    }

    private Api.Call call(String method, String path) {
        return switch (method) {
            case "POST" -> api.post(path);
            case "PUT" -> api.put(path);
            case "PATCH" -> api.patch(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static List<String> names(ApiResponse response) {
        List<String> names = new ArrayList<>();
        for (JsonNode param : response.json().path("invalidParams")) {
            names.add(param.get("name").asText());
        }
        return names;
    }
}
