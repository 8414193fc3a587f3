package nl.wijkopmaat.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics are on the management port only; the public port serves the API and nothing
 * of the management endpoints, signed in or not.
 */
@MicronautTest(transactional = false)
class ManagementPortTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    List<HealthIndicator> healthIndicators;
    @Value("${endpoints.all.port}")
    int managementPort;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthOnTheManagementPortIncludesTheDatabaseAndShowsNoDetails() throws Exception {
        assertThat(managementPort).as("a port of this test run (support.ManagementPorts)").isBetween(20000, 31999);
        HttpResponse<String> health = management("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("jdbc:");
        assertThat(healthIndicators).anyMatch(indicator -> indicator instanceof JdbcIndicator);
    }

    @Test
    void prometheusMetricsAreOnTheManagementPort() throws Exception {
        HttpResponse<String> metrics = management("/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void noManagementEndpointAnswersOnThePublicPort() {
        String accessToken = fixtures.resident(fixtures.municipality().id()).accessToken();
        for (String path : List.of("/health", "/prometheus", "/beans", "/threaddump", "/metrics", "/flyway", "/env",
                "/loggers", "/routes")) {
            assertThat(api.get(path).token(accessToken).send().status()).as(path).isEqualTo(404);
            assertThat(api.get(path).send().status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void onlyHealthAndPrometheusAreOnTheManagementPort() throws Exception {
        for (String path : List.of("/beans", "/threaddump", "/metrics", "/env", "/loggers", "/routes", "/info")) {
            assertThat(management(path).statusCode()).as(path).isEqualTo(404);
        }
    }
}
