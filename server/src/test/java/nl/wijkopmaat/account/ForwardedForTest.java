package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a trusted proxy, {@code X-Forwarded-For} is whatever a client writes: it is ignored, and
 * the limits count the connection's own address.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.security.address-limits.enabled", value = "true")
@Property(name = "wijkopmaat.security.address-limits.password-resets", value = "2")
class ForwardedForTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    @Test
    void aMadeUpForwardedForDoesNotEscapeTheLimitOfTheConnectionsAddress() {
        int first = api.post("/api/v1/accounts/password-resets").header("X-Forwarded-For", "192.0.2.1")
                .json(Map.of("email", "a-" + UUID.randomUUID() + "@example.org")).send().status();
        int second = api.post("/api/v1/accounts/password-resets").header("X-Forwarded-For", "192.0.2.2")
                .json(Map.of("email", "b-" + UUID.randomUUID() + "@example.org")).send().status();
        int third = api.post("/api/v1/accounts/password-resets").header("X-Forwarded-For", "192.0.2.3")
                .json(Map.of("email", "c-" + UUID.randomUUID() + "@example.org")).send().status();
        assertThat(third).as("the third request from 127.0.0.1, after %s and %s", first, second).isEqualTo(429);
    }
}
