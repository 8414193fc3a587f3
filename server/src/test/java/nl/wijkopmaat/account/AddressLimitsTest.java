package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits per client address, with small limits. The test client is behind a trusted proxy here
 * (127.0.0.1), so each test speaks from addresses of its own through {@code X-Forwarded-For}.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.security.address-limits.enabled", value = "true")
@Property(name = "wijkopmaat.security.address-limits.registrations", value = "2")
@Property(name = "wijkopmaat.security.address-limits.password-resets", value = "2")
@Property(name = "wijkopmaat.security.address-limits.sign-in-failures", value = "3")
@Property(name = "wijkopmaat.http.trusted-proxies", value = "127.0.0.1")
class AddressLimitsTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    MunicipalityView municipality;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250)) + "," + "203.0." + (int) (Math.random() * 250) + "."
                + (1 + (int) (Math.random() * 250));
    }

    private ApiResponse register(String from) {
        return api.post("/api/v1/accounts").header("X-Forwarded-For", from)
                .json(Map.of("email", "limiet-" + UUID.randomUUID() + "@example.org", "password", Fixtures.PASSWORD,
                        "displayName", "Script", "municipalityId", municipality.id().toString())).send();
    }

    @Test
    void registrationsArePerClientAddressAndBeyondTheLimitA429() {
        String from = address();
        assertThat(register(from).status()).isEqualTo(202);
        assertThat(register(from).status()).isEqualTo(202);
        ApiResponse third = register(from);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotNull();
        assertThat(register(address()).status()).as("another client").isEqualTo(202);
    }

    @Test
    void passwordResetRequestsArePerClientAddress() {
        String from = address();
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/v1/accounts/password-resets").header("X-Forwarded-For", from)
                    .json(Map.of("email", "x-" + UUID.randomUUID() + "@example.org")).send().status()).isEqualTo(202);
        }
        assertThat(api.post("/api/v1/accounts/password-resets").header("X-Forwarded-For", from)
                .json(Map.of("email", "x-" + UUID.randomUUID() + "@example.org")).send().status()).isEqualTo(429);
    }

    @Test
    void failedSignInsOverManyAccountsFromOneAddressLockThatAddress() {
        String from = address();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/login").header("X-Forwarded-For", from)
                    .json(Map.of("username", "geraden-" + i + "@example.org", "password", "wat dan ook")).send().status())
                    .isEqualTo(401);
        }
        Person person = fixtures.resident(municipality.id());
        ApiResponse locked = api.post("/api/v1/auth/login").header("X-Forwarded-For", from)
                .json(Map.of("username", person.email(), "password", Fixtures.PASSWORD)).send();
        assertThat(locked.status()).isEqualTo(429);
        assertThat(api.post("/api/v1/auth/login").header("X-Forwarded-For", address())
                .json(Map.of("username", person.email(), "password", Fixtures.PASSWORD)).send().status())
                .as("the person from their own address").isEqualTo(200);
    }
}
