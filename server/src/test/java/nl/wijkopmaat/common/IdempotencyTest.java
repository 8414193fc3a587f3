package nl.wijkopmaat.common;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class IdempotencyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    private ApiResponse createWijk(MunicipalityView municipality, Person admin, String key, String name) {
        return api.post("/api/v1/municipalities/" + municipality.id() + "/wijken").token(admin.accessToken())
                .header("Idempotency-Key", key).json(Map.of("name", name)).send();
    }

    private int wijkCount(MunicipalityView municipality) {
        return api.get("/api/v1/municipalities/" + municipality.id() + "/wijken").send().json().get("items").size();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstResponse() {
        MunicipalityView municipality = fixtures.municipality();
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        String key = UUID.randomUUID().toString();

        ApiResponse first = createWijk(municipality, admin, key, "Kapelpolder");
        ApiResponse retry = createWijk(municipality, admin, key, "Kapelpolder");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(wijkCount(municipality)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        MunicipalityView municipality = fixtures.municipality();
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        String key = UUID.randomUUID().toString();
        createWijk(municipality, admin, key, "Dijkpolder");

        ApiResponse other = createWijk(municipality, admin, key, "Steendijkpolder");
        assertThat(other.status()).isEqualTo(409);
        assertThat(wijkCount(municipality)).isEqualTo(1);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        MunicipalityView municipality = fixtures.municipality();
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        Person resident = fixtures.resident(municipality.id());
        String key = UUID.randomUUID().toString();
        createWijk(municipality, admin, UUID.randomUUID().toString(), "Bezet");
        assertThat(createWijk(municipality, admin, key, "Bezet").status()).isEqualTo(409);
        assertThat(createWijk(municipality, admin, key, "Vrij").status()).isEqualTo(201);
        assertThat(createWijk(municipality, resident, key, "Vrij").status()).as("keys belong to one caller").isEqualTo(403);
    }

    @Test
    void concurrentRetriesCreateOneWijk() {
        MunicipalityView municipality = fixtures.municipality();
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var calls = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> createWijk(municipality, admin, key, "Tegelijk"), pool))
                    .toList();
            var ids = calls.stream().map(CompletableFuture::join).map(r -> r.text("/id")).distinct().toList();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(wijkCount(municipality)).isEqualTo(1);
    }
}
