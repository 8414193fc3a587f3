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
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** Not 404 (the path exists) and not 401 (no method there needs a token). */
    @Test
    void everyPathOfTheContractAnswersTheMethodsItDoesNotListWith405() throws IOException {
        String accessToken = fixtures.resident(fixtures.municipality().id()).accessToken();
        Map<String, Map<String, Object>> paths;
        try (Reader spec = Files.newBufferedReader(Path.of("..", "mobile-api-spec", "openapi.yaml"))) {
            paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(spec).get("paths");
        }
        assertThat(paths).containsKeys("/auth/login", "/auth/token", "/auth/logout", "/me");
        paths.forEach((template, operations) -> {
            String path = "/api/v1" + template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (operations.containsKey(method)) {
                    continue;
                }
                for (String token : new String[] {null, accessToken}) {
                    Api.Call call = switch (method) {
                        case "get" -> api.get(path);
                        case "post" -> api.post(path).json(Map.of());
                        case "put" -> api.put(path).json(Map.of());
                        case "patch" -> api.patch(path).json(Map.of());
                        default -> api.delete(path);
                    };
                    if (token != null) {
                        call.token(token);
                    }
                    ApiResponse response = call.outsideContract().send();
                    assertThat(response.status()).as("%s %s %s", method, template, token == null ? "" : "with a token")
                            .isEqualTo(405);
                    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                }
            }
        });
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
