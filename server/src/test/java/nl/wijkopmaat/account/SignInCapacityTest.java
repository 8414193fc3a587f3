package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with slow password checks on a server that can afford few: one thread checking, room for
 * one more check in the queue, and one database connection.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.security.bcrypt-strength", value = "13")
@Property(name = "wijkopmaat.security.password-checks.threads", value = "1")
@Property(name = "wijkopmaat.security.password-checks.max-queued-work", value = "1s")
@Property(name = "wijkopmaat.security.password-checks.cost-per-check", value = "1s")
@Property(name = "datasources.default.maximum-pool-size", value = "1")
class SignInCapacityTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    PasswordHasher hasher;

    MunicipalityView municipality;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
    }

    private ApiResponse login(String email, String password) {
        return api.post("/api/v1/auth/login").json(Map.of("username", email, "password", password)).send();
    }

    @Test
    void aBurstBeyondTheQueueIsAnswered503WithRetryAfterAndNothingElseFails() {
        Fixtures.Person person = fixtures.resident(municipality.id());
        List<ApiResponse> responses = AuthenticationTest.atOnce(
                Collections.nCopies(8, () -> login(person.email(), Fixtures.PASSWORD)));

        assertThat(responses).extracting(ApiResponse::status).containsOnly(200, 503).contains(200, 503);
        responses.stream().filter(response -> response.status() == 503).forEach(response -> {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo("1");
        });
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).as("capacity is back").isEqualTo(200);
    }

    @Test
    void unknownEmailsWaitTheirTurnLikeKnownOnes() {
        List<ApiResponse> responses = AuthenticationTest.atOnce(
                Collections.nCopies(6, () -> login("niemand-" + UUID.randomUUID() + "@example.org", "geen wachtwoord")));
        assertThat(responses).extracting(ApiResponse::status).containsOnly(401, 503).contains(401, 503);
    }

    @Test
    void theOnlyConnectionIsFreeWhileAPasswordIsChecked() throws InterruptedException {
        Fixtures.Person person = fixtures.resident(municipality.id());
        long start = System.nanoTime();
        hasher.matchNothing(Fixtures.PASSWORD);
        Duration check = Duration.ofNanos(System.nanoTime() - start);

        CompletableFuture<ApiResponse> signIn = CompletableFuture.supplyAsync(() -> login(person.email(), Fixtures.PASSWORD));
        Thread.sleep(100);
        start = System.nanoTime();
        ApiResponse read = api.get("/api/v1/municipalities").send();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(read.status()).isEqualTo(200);
        assertThat(signIn).as("the password is still being checked").isNotDone();
        assertThat(took).as("the read did not wait for the check (%s)", check).isLessThan(check.dividedBy(2));
        assertThat(signIn.join().status()).isEqualTo(200);
    }
}
