package nl.wijkopmaat.common;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OpenApiSpecTest {

    @Inject
    Api api;

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
}
