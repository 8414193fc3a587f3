package nl.wijkopmaat.common;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OpenApiSpecTest {

    @Inject
    Api api;
    @Inject
    List<HealthIndicator> healthIndicators;
    @Inject
    Fixtures fixtures;

    @Test
    void theServerServesItsContractAsYamlAndJson() throws IOException {
        String onDisk = Files.readString(Path.of("..", "mobile-api-spec", "openapi.yaml"));
        ApiResponse yaml = api.get("/api/v1/openapi.yaml").send();
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).isEqualTo(onDisk);

        ApiResponse json = api.get("/api/v1/openapi.json").send();
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text("/info/version")).isEqualTo("0.1.0").isEqualTo(json.header("API-Version"));
        assertThat(json.json().at("/paths").has("/me/export")).isTrue();
    }

    @Test
    void healthIncludesTheDatabaseAndShowsNoDetails() {
        ApiResponse health = api.get("/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("/status")).isEqualTo("UP");
        assertThat(health.body()).as(health.body()).doesNotContain("jdbc:");
        assertThat(healthIndicators).anyMatch(indicator -> indicator instanceof JdbcIndicator);
    }

    @Test
    void noOtherManagementEndpointIsOpenToASignedInCaller() {
        String accessToken = fixtures.resident(fixtures.municipality().id()).accessToken();
        for (String path : List.of("/beans", "/threaddump", "/metrics", "/flyway", "/env", "/loggers", "/routes")) {
            assertThat(api.get(path).token(accessToken).send().status()).as(path).isEqualTo(404);
            assertThat(api.get(path).send().status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void prometheusMetricsAreExposed() {
        ApiResponse metrics = api.get("/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
