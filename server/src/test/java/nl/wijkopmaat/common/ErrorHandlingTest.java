package nl.wijkopmaat.common;

import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework's own errors are problem+json too, with the API version and in the caller's language.
 */
@MicronautTest(transactional = false)
class ErrorHandlingTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    private static void assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("API-Version")).isEqualTo("0.1.0");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.text("/title")).isNotBlank();
        assertThat(response.text("/detail")).isNotBlank();
    }

    @Test
    void unknownRouteIs404() {
        ApiResponse response = api.get("/api/v1/no-such-thing").outsideContract().send();
        assertProblem(response, 404);
        assertThat(response.text("/title")).isEqualTo("Niet gevonden");
    }

    @Test
    void wrongMethodIs405() {
        assertProblem(api.delete("/api/v1/municipalities").outsideContract().send(), 405);
    }

    @Test
    void malformedJsonIs400() {
        ApiResponse response = api.post("/api/v1/accounts").outsideContract()
                .rawBody("{\"email\": ", MediaType.APPLICATION_JSON_TYPE).send();
        assertProblem(response, 400);
    }

    @Test
    void aWronglyTypedFieldInANestedObjectIsNamedWithItsPath() {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id());
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        ApiResponse response = api.put("/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members")
                .token(admin.accessToken()).invalidInput()
                .json(Map.of("members", List.of(Map.of("email", admin.email(), "role", "KING")))).send();
        assertProblem(response, 400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly("members[0].role");
    }

    @Test
    void malformedIdIs400NotA500() {
        ApiResponse response = api.get("/api/v1/wijken/not-a-uuid").invalidInput().send();
        assertProblem(response, 400);
    }

    @Test
    void missingTokenIs401() {
        assertProblem(api.get("/api/v1/me/export").send(), 401);
    }

    @Test
    void garbageTokenIs401() {
        assertProblem(api.get("/api/v1/me").token("not.a.jwt").send(), 401);
    }

    @Test
    void englishWhenAsked() {
        ApiResponse response = api.get("/api/v1/no-such-thing").header("Accept-Language", "en").outsideContract().send();
        assertThat(response.text("/title")).isEqualTo("Not found");
        assertThat(response.text("/detail")).isEqualTo("This address does not exist.");
    }

    @Test
    void theLanguageWithTheHighestWeightWins() {
        assertThat(title("en;q=0.1, nl;q=0.9")).isEqualTo("Niet gevonden");
        assertThat(title("fr-FR, en-GB;q=0.8, nl;q=0.5")).isEqualTo("Not found");
        assertThat(title("*")).isEqualTo("Niet gevonden");
        assertThat(title("fr")).isEqualTo("Niet gevonden");
        assertThat(title("%%% not a language")).isEqualTo("Niet gevonden");
    }

    private String title(String acceptLanguage) {
        return api.get("/api/v1/no-such-thing").header("Accept-Language", acceptLanguage).outsideContract().send()
                .text("/title");
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        ApiResponse response = api.post("/api/v1/accounts").outsideContract()
                .rawBody("email=x", MediaType.TEXT_PLAIN_TYPE).send();
        assertProblem(response, 415);
    }

    @Test
    void limitOutOfRangeNamesTheParameter() {
        ApiResponse response = api.get("/api/v1/municipalities").query("limit", 500).invalidInput().send();
        assertProblem(response, 400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("limit");
    }

    @Test
    void tamperedCursorIs400() {
        ApiResponse response = api.get("/api/v1/municipalities").query("cursor", "%%%").send();
        assertProblem(response, 400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("cursor");
    }

    @Test
    void securityHeadersOnEveryResponse() {
        ApiResponse response = api.get("/api/v1/municipalities").send();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }
}
