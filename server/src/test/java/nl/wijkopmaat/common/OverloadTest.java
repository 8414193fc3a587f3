package nl.wijkopmaat.common;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the server at capacity, further requests are turned away quickly with 503 and Retry-After
 * (never a 500, never a long wait), and the request that was let in still completes.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-in-flight", value = "1")
@Property(name = "wijkopmaat.load.max-queued", value = "1")
@Property(name = "wijkopmaat.load.max-wait", value = "300ms")
class OverloadTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void requestsBeyondCapacityGet503WithRetryAfter() throws Exception {
        UUID municipalityId = fixtures.municipality().id();
        UUID wijkId = fixtures.wijk(municipalityId).id();
        Person author = fixtures.resident(municipalityId);
        String id = api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of(
                "title", "Bloembakken aan de gracht", "description", "Meer groen", "theme", "GROEN",
                "wijkId", wijkId.toString(), "requestedBudgetCents", 0)).send().text("/id");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (Connection lock = DriverManager.getConnection(url, username, password)) {
            lock.setAutoCommit(false);
            try (PreparedStatement statement = lock.prepareStatement("SELECT id FROM initiative WHERE id = ? FOR UPDATE")) {
                statement.setString(1, id);
                statement.executeQuery();
            }
            // This change waits for the row lock, holding the one place there is.
            CompletableFuture<ApiResponse> slow = CompletableFuture.supplyAsync(() -> api.patch("/api/v1/initiatives/" + id)
                    .token(author.accessToken()).json(Map.of("title", "Bloembakken langs de gracht")).send(), clients);
            Thread.sleep(500);

            long started = System.nanoTime();
            List<CompletableFuture<ApiResponse>> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                others.add(CompletableFuture.supplyAsync(() -> api.get("/api/v1/municipalities").send(), clients));
            }
            for (CompletableFuture<ApiResponse> other : others) {
                ApiResponse response = other.get(10, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("1");
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
            assertThat(slow).isNotDone();

            lock.rollback();
            assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            clients.shutdownNow();
        }
        assertThat(api.get("/api/v1/municipalities").send().status()).isEqualTo(200);
    }
}
