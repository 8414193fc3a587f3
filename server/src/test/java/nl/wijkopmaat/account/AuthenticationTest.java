package nl.wijkopmaat.account;

import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthenticationTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    MunicipalityView municipality;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
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
                .json(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).send();
    }

    private static void assertInvalid(ApiResponse response, String... names) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly(names);
    }

    @Test
    void registerThenLoginThenReadMe() {
        String email = "anna-" + UUID.randomUUID() + "@example.org";
        ApiResponse registered = api.post("/api/v1/accounts").json(registration(email, "een lang wachtwoord")).send();
        assertThat(registered.status()).isEqualTo(202);
        assertThat(registered.body()).isNullOrEmpty();

        ApiResponse login = login(email.toUpperCase(), "een lang wachtwoord");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expires_in").asInt()).isEqualTo(900);
        assertThat(login.text("/token_type")).isEqualTo("Bearer");

        ApiResponse me = api.get("/api/v1/me").token(login.text("/access_token")).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/email")).isEqualTo(email);
        assertThat(me.text("/displayName")).isEqualTo("Anna de Vries");
        assertThat(me.text("/municipalityId")).isEqualTo(municipality.id().toString());
        assertThat(me.json().get("roles")).isEmpty();
        assertThat(me.json().get("emailVerified").asBoolean()).isFalse();
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
    void theLockEndsAfterFifteenMinutesAndASuccessClearsTheCount() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(person.email(), "wrong");
        }
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(14));
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(2));
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(200);

        for (int attempt = 1; attempt <= 4; attempt++) {
            login(person.email(), "wrong");
        }
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login(person.email(), "wrong").status()).as("the count started again").isEqualTo(401);
        }
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(person.email(), "wrong");
        }
        clock.advance(Duration.ofMinutes(16));
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login(person.email(), "wrong").status()).isEqualTo(401);
        }
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void concurrentRefreshesWithOneTokenLeaveNoUsableSuccessorWhenReuseIsDetected() {
        for (int round = 0; round < 5; round++) {
            Fixtures.Person person = fixtures.resident(municipality.id());
            List<ApiResponse> responses = atOnce(Collections.nCopies(4, () -> refresh(person.refreshToken())));
            // The first consumes the token; the others wait for it, then see a reuse and revoke the family.
            assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 401, 401, 401);
            String successor = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow()
                    .text("/refresh_token");
            assertThat(refresh(successor).status()).as("the family was revoked, successor included").isEqualTo(401);
        }
    }

    @Test
    void concurrentWrongPasswordsAreAllCountedWithoutDeadlocks() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> login(person.email(), "wrong " + i).status(), pool))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        } finally {
            pool.shutdown();
        }
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void signInAndRefreshAnswerExactlyTheFieldsOfTheContractWithoutRoles() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        List<String> fields = List.of("access_token", "refresh_token", "token_type", "expires_in", "username");
        ApiResponse login = login(person.email(), Fixtures.PASSWORD);
        assertThat(login.json().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(fields);
        assertThat(login.text("/username")).isEqualTo(person.id().toString());
        ApiResponse refreshed = refresh(login.text("/refresh_token"));
        assertThat(refreshed.json().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(fields);
        assertThat(refreshed.text("/username")).isEqualTo(person.id().toString());
    }

    @Test
    void concurrentSignInsOfManyAccountsAllSucceed() {
        List<Fixtures.Person> people = IntStream.range(0, 20).mapToObj(i -> fixtures.resident(municipality.id())).toList();
        for (int round = 0; round < 3; round++) {
            assertThat(atOnce(people.stream().map(person -> (Supplier<ApiResponse>) () -> login(person.email(), Fixtures.PASSWORD)).toList()))
                    .extracting(ApiResponse::status).containsOnly(200);
        }
    }

    @Test
    void concurrentSignInsOfOneAccountAllSucceed() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        for (int round = 0; round < 3; round++) {
            List<ApiResponse> responses = atOnce(Collections.nCopies(10, () -> login(person.email(), Fixtures.PASSWORD)));
            assertThat(responses).extracting(ApiResponse::status).containsOnly(200);
            responses.forEach(response -> assertThat(refresh(response.text("/refresh_token")).status())
                    .as("every sign-in is a session of its own").isEqualTo(200));
        }
    }

    @Test
    void aBurstOfThirtySignInsAllSucceedWithinTheQueueBound() {
        List<Fixtures.Person> people = IntStream.range(0, 30).mapToObj(i -> fixtures.resident(municipality.id())).toList();
        List<Timed> signIns = atOnce(people.stream()
                .map(person -> (Supplier<Timed>) () -> Timed.of(() -> login(person.email(), Fixtures.PASSWORD)))
                .toList());
        assertThat(signIns).extracting(timed -> timed.response().status()).containsOnly(200);
        // At most 5 s of checks wait in the queue (wijkopmaat.security.password-checks.max-queued-work).
        assertThat(signIns).extracting(Timed::took).allSatisfy(took -> assertThat(took).isLessThan(Duration.ofSeconds(6)));
    }

    record Timed(ApiResponse response, Duration took) {
        static Timed of(Supplier<ApiResponse> request) {
            long start = System.nanoTime();
            ApiResponse response = request.get();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Sends the requests together, each on its own thread, released at the same moment. */
    static <T> List<T> atOnce(List<Supplier<T>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> pending = requests.stream()
                    .map(request -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return request.get();
                    }, pool))
                    .toList();
            start.countDown();
            return pending.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        assertThat(forged.text("/detail")).isEqualTo("Dit vernieuwingstoken is ongeldig, verlopen of al gebruikt. Meld u opnieuw aan.");

        assertThat(refresh("not a token at all").status()).isEqualTo(401);
    }

    @Test
    void aRefreshWithoutBodyNamesEveryMissingField() {
        assertInvalid(api.post("/api/v1/auth/token").invalidInput().send(), "grant_type", "refresh_token");
        assertInvalid(api.post("/api/v1/auth/token").invalidInput().rawBody("", MediaType.APPLICATION_JSON_TYPE).send(),
                "grant_type", "refresh_token");
        assertInvalid(api.post("/api/v1/auth/token").invalidInput().json(Map.of()).send(), "grant_type", "refresh_token");
        assertInvalid(api.post("/api/v1/auth/token").invalidInput()
                .json(Map.of("grant_type", " ", "refresh_token", "")).send(), "grant_type", "refresh_token");
    }

    @Test
    void aRefreshWithoutOrWithAnotherGrantTypeNamesGrantType() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse noGrant = api.post("/api/v1/auth/token").invalidInput()
                .json(Map.of("refresh_token", person.refreshToken())).send();
        assertInvalid(noGrant, "grant_type");

        ApiResponse otherGrant = api.post("/api/v1/auth/token").header("Accept-Language", "en").invalidInput()
                .json(Map.of("grant_type", "password", "refresh_token", person.refreshToken())).send();
        assertInvalid(otherGrant, "grant_type");
        assertThat(otherGrant.text("/invalidParams/0/reason")).isEqualTo("must be refresh_token");

        assertThat(refresh(person.refreshToken()).status()).as("refused requests did not use the token up").isEqualTo(200);
    }

    @Test
    void refreshAlsoAcceptsTheOAuthFormEncoding() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        ApiResponse refreshed = api.post("/api/v1/auth/token").invalidInput()
                .rawBody("grant_type=refresh_token&refresh_token=" + person.refreshToken(),
                        MediaType.APPLICATION_FORM_URLENCODED_TYPE).send();
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refresh(refreshed.text("/refresh_token")).status()).isEqualTo(200);

        ApiResponse noGrant = api.post("/api/v1/auth/token").invalidInput()
                .rawBody("refresh_token=abc", MediaType.APPLICATION_FORM_URLENCODED_TYPE).send();
        assertInvalid(noGrant, "grant_type");
    }

    @Test
    void theSignInEndpointsAnswerOtherMethodsWith405() {
        for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/token", "/api/v1/auth/logout")) {
            for (ApiResponse response : List.of(api.get(path).outsideContract().send(), api.put(path).outsideContract().send(),
                    api.patch(path).outsideContract().send(), api.delete(path).outsideContract().send())) {
                assertThat(response.status()).as(path).isEqualTo(405);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.header("Allow")).isEqualTo("POST");
            }
        }
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
        String successor = refresh(person.refreshToken()).text("/refresh_token");
        ApiResponse logout = api.post("/api/v1/auth/logout").json(Map.of("refresh_token", successor)).send();
        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(successor).status()).isEqualTo(401);
        assertThat(refresh(person.refreshToken()).status()).isEqualTo(401);
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).as("signing in again works").isEqualTo(200);
    }

    @Test
    void logoutTakesTheRefreshTokenUnderTheNameTheTokenEndpointUses() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        assertInvalid(api.post("/api/v1/auth/logout").invalidInput().send(), "refresh_token");
        assertInvalid(api.post("/api/v1/auth/logout").invalidInput().json(Map.of("refreshToken", person.refreshToken())).send(),
                "refreshToken", "refresh_token");
        assertThat(refresh(person.refreshToken()).status()).as("still signed in").isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout").json(Map.of("refresh_token", "not a token")).send().status())
                .as("an unknown token is already signed out").isEqualTo(204);
    }


    @Test
    void shortPasswordAndBadEmailAreReportedTogether() {
        ApiResponse response = api.post("/api/v1/accounts").header("Accept-Language", "en").invalidInput()
                .json(registration("not-an-email", "12345678901")).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly("email", "password");
        assertThat(response.text("/invalidParams/1/reason")).isEqualTo("must be 12 to 64 characters long");
    }

    @Test
    void fieldRulesAndUnknownMunicipalityAreReportedTogether() {
        Map<String, Object> body = new HashMap<>(registration("geen-email", "een lang wachtwoord"));
        body.put("municipalityId", UUID.randomUUID().toString());
        ApiResponse response = api.post("/api/v1/accounts").json(body).invalidInput().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly("email", "municipalityId");
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        Map<String, Object> body = new HashMap<>(registration("x-" + UUID.randomUUID() + "@example.org", "een lang wachtwoord"));
        body.put("municipalityId", "not-a-uuid");
        ApiResponse response = api.post("/api/v1/accounts").json(body).invalidInput().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly("municipalityId");
    }

    @Test
    void unknownMunicipalityIsInvalidInput() {
        Map<String, Object> body = new HashMap<>(registration("x-" + UUID.randomUUID() + "@example.org", "een lang wachtwoord"));
        body.put("municipalityId", UUID.randomUUID().toString());
        ApiResponse response = api.post("/api/v1/accounts").json(body).invalidInput().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("municipalityId");
    }

    @Test
    void aRefusedRequestIsChallengedForABearerTokenAndNeverForBasic() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        assertChallenge(api.get("/api/v1/me").send(), "Bearer");
        assertChallenge(api.get("/api/v1/me").token("not.a.jwt").send(), "Bearer error=\"invalid_token\"");
        String forged = person.accessToken().substring(0, person.accessToken().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertChallenge(api.get("/api/v1/me").token(forged).send(), "Bearer error=\"invalid_token\"");
        assertChallenge(login(person.email(), "not the password"), "Bearer");
        assertChallenge(refresh("not a token"), "Bearer");
    }

    @Test
    void basicCredentialsDoNotSignIn() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        String credentials = Base64.getEncoder().encodeToString((person.email() + ":" + Fixtures.PASSWORD).getBytes(UTF_8));
        ApiResponse response = api.get("/api/v1/me").header("Authorization", "Basic " + credentials).send();
        assertChallenge(response, "Bearer");
    }

    @Test
    void theTokenOfAnErasedAccountIsAnInvalidToken() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        assertThat(fixtures.erase(person).status()).isEqualTo(204);
        assertChallenge(api.get("/api/v1/me").token(person.accessToken()).send(), "Bearer error=\"invalid_token\"");
    }

    private static void assertChallenge(ApiResponse response, String challenge) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().getAll("WWW-Authenticate")).containsExactly(challenge);
    }

    @Test
    void meRequiresAToken() {
        ApiResponse response = api.get("/api/v1/me").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("API-Version")).isEqualTo("0.1.0");
    }
}
