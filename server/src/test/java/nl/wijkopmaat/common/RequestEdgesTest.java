package nl.wijkopmaat.common;

import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What generated clients and proxies send at the edges: Accept headers naming problem+json, overlong
 * addresses and oversized bodies. Each gets an answer with the API's headers, never a bare error.
 */
@MicronautTest(transactional = false)
class RequestEdgesTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    @Test
    void aClientAcceptingProblemJsonCanCallAnOperationWithoutABody() {
        Person resident = fixtures.resident(fixtures.municipality().id());

        ApiResponse response = api.put("/api/v1/notifications/read").token(resident.accessToken())
                .header("Accept", "application/problem+json").send();

        assertThat(response.status()).isEqualTo(204);
    }

    @Test
    void problemJsonAndAnyTypeAreAcceptedWhereJsonIsServed() {
        assertThat(api.get("/api/v1/municipalities").header("Accept", "application/json, application/problem+json")
                .send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/municipalities").header("Accept", "application/problem+json").send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/municipalities").header("Accept", "*/*").send().status()).isEqualTo(200);
    }

    @Test
    void anUnservableAcceptIs406WithAProblem() {
        ApiResponse response = api.get("/api/v1/municipalities").header("Accept", "text/csv").invalidInput().send();

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("API-Version")).isEqualTo("0.1.0");
    }

    @Test
    void anOverlongAddressIs414WithTheApiHeaders() {
        ApiResponse response = api.get("/api/v1/initiatives?cursor=" + "x".repeat(10_000)).outsideContract().send();

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("API-Version")).isEqualTo("0.1.0");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.json().get("status").asInt()).isEqualTo(414);
    }

    @Test
    void anOversizedBodyIs413WithTheApiHeaders() {
        String body = "{\"email\": \"" + "a".repeat(1_100_000) + "\"}";

        ApiResponse response = api.post("/api/v1/accounts").invalidInput().rawBody(body, MediaType.APPLICATION_JSON_TYPE).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("API-Version")).isEqualTo("0.1.0");
    }

    @Test
    void anUnsupportedBodyTypeIs415() {
        ApiResponse response = api.post("/api/v1/accounts").invalidInput()
                .rawBody("email=a@example.org", MediaType.APPLICATION_FORM_URLENCODED_TYPE).send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
