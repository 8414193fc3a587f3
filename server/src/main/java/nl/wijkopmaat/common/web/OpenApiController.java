package nl.wijkopmaat.common.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the mobile API contract (mobile-api-spec/openapi.yaml, packaged with the server) as YAML
 * and as JSON. Both are rendered once, at first use.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiController {

    private static final String SPEC = "classpath:openapi/openapi.yaml";

    private final String yaml;
    private final String json;

    OpenApiController(ResourceResolver resources, JsonMapper jsonMapper) {
        try (InputStream in = resources.getResourceAsStream(SPEC)
                .orElseThrow(() -> new IllegalStateException("API specification missing from the class path"))) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            this.json = jsonMapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yaml")
    @Produces("application/yaml")
    String yaml() {
        return yaml;
    }

    @Get("/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    String json() {
        return json;
    }
}
