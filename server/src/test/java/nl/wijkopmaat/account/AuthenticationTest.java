package nl.wijkopmaat.account;

import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthenticationTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    MunicipalityView municipality;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
    }

    private Map<String, Object> registration(String email, String password) {
        return Map.of("email", email, "password", password, "displayName", "Anna de Vries",
                "municipalityId", municipality.id().toString(), "locale", "nl");
    }

    private ApiResponse login(String email, String password) {
        return api.post("/api/v1/auth/login").json(Map.of("username", email, "password", password)).send();
    }

    private ApiResponse refresh(String refreshToken) {
        return api.post("/api/v1/auth/token")
                .rawBody("grant_type=refresh_token&refresh_token=" + refreshToken, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .send();
    }

    @Test
    void registerThenLoginThenReadMe() {
        String email = "anna-" + UUID.randomUUID() + "@example.org";
        ApiResponse registered = api.post("/api/v1/accounts").json(registration(email, "een lang wachtwoord")).send();
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/v1/me");

        ApiResponse login = login(email.toUpperCase(), "een lang wachtwoord");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expires_in").asInt()).isEqualTo(900);

        ApiResponse me = api.get("/api/v1/me").token(login.text("/access_token")).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/email")).isEqualTo(email);
        assertThat(me.text("/displayName")).isEqualTo("Anna de Vries");
        assertThat(me.text("/municipalityId")).isEqualTo(municipality.id().toString());
        assertThat(me.json().get("roles")).isEmpty();
    }

    @Test
    void wrongPasswordIsAProblem401() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse response = login(person.email(), "not the password");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.text("/detail")).isEqualTo("E-mailadres of wachtwoord is onjuist.");
    }

    @Test
    void sixthWrongAttemptWithinFifteenMinutesIsRefusedWith429() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login(person.email(), "wrong password " + attempt).status()).isEqualTo(401);
        }
        ApiResponse sixth = login(person.email(), "wrong password 6");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(800, 900);

        ApiResponse evenWithTheRightPassword = login(person.email(), Fixtures.PASSWORD);
        assertThat(evenWithTheRightPassword.status()).isEqualTo(429);
    }

    @Test
    void concurrentWrongPasswordsAreAllCountedWithoutDeadlocks() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> login(person.email(), "wrong " + i).status(), pool))
                    .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        } finally {
            pool.shutdown();
        }
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse refreshed = refresh(person.refreshToken());
        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.text("/refresh_token");
        assertThat(next).isNotEqualTo(person.refreshToken());
        assertThat(api.get("/api/v1/me").token(refreshed.text("/access_token")).send().status()).isEqualTo(200);
        assertThat(refresh(next).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenFailsAndRevokesItsFamily() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        String successor = refresh(person.refreshToken()).text("/refresh_token");

        ApiResponse reuse = refresh(person.refreshToken());
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.header("Content-Type")).startsWith("application/problem+json");

        assertThat(refresh(successor).status()).as("the whole family is revoked").isEqualTo(401);
    }

    @Test
    void aForgedRefreshTokenIsAProblemToo() {
        ApiResponse forged = refresh("eyJhbGciOiJIUzI1NiJ9.Zm9yZ2Vk.c2lnbmF0dXJl");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");

        ApiResponse noGrant = api.post("/api/v1/auth/token").invalidInput()
                .rawBody("refresh_token=abc", MediaType.APPLICATION_FORM_URLENCODED_TYPE).send();
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void refreshAlsoAcceptsJson() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse refreshed = api.post("/api/v1/auth/token")
                .json(Map.of("grant_type", "refresh_token", "refresh_token", person.refreshToken())).send();
        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void anEmptyProfileUpdateIsInvalid() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse response = api.patch("/api/v1/me").token(person.accessToken()).json(Map.of()).send();
        assertThat(response.status()).isEqualTo(400);
        ApiResponse blankName = api.patch("/api/v1/me").token(person.accessToken()).invalidInput()
                .json(Map.of("displayName", "   ")).send();
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.text("/invalidParams/0/name")).isEqualTo("displayName");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse logout = api.post("/api/v1/auth/logout").json(Map.of("refreshToken", person.refreshToken())).send();
        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(person.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void duplicateEmailInAnyCaseIsAConflict() {
        String email = "dubbel-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/accounts").json(registration(email, "een lang wachtwoord")).send().status()).isEqualTo(201);
        ApiResponse again = api.post("/api/v1/accounts").json(registration(email.toUpperCase(), "een ander wachtwoord")).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/title")).isEqualTo("Conflict");
    }

    @Test
    void shortPasswordAndBadEmailAreReportedTogether() {
        ApiResponse response = api.post("/api/v1/accounts").header("Accept-Language", "en").invalidInput()
                .json(registration("not-an-email", "123456789")).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly("email", "password");
        assertThat(response.text("/invalidParams/1/reason")).isEqualTo("must be between 10 and 72 characters or elements long");
    }

    @Test
    void unknownMunicipalityIsInvalidInput() {
        Map<String, Object> body = new java.util.HashMap<>(registration("x-" + UUID.randomUUID() + "@example.org", "een lang wachtwoord"));
        body.put("municipalityId", UUID.randomUUID().toString());
        ApiResponse response = api.post("/api/v1/accounts").json(body).invalidInput().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("municipalityId");
    }

    @Test
    void meRequiresAToken() {
        ApiResponse response = api.get("/api/v1/me").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("API-Version")).isEqualTo("0.1.0");
    }
}
