package nl.wijkopmaat.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTTP client of the tests. Every request and response under {@code /api/v1} is validated
 * against mobile-api-spec/openapi.yaml, so the server and its contract cannot drift apart.
 */
@Singleton
public class Api {

    /** A status the spec does not document for the operation is a contract violation, like a wrong body. */
    static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("..", "mobile-api-spec", "openapi.yaml").toAbsolutePath().toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.status.unknown", ValidationReport.Level.ERROR)
                    .build())
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    Api(@Client("/") HttpClient client) {
        this.client = client;
    }

    public Call get(String path) {
        return new Call(HttpMethod.GET, path);
    }

    public Call post(String path) {
        return new Call(HttpMethod.POST, path);
    }

    public Call put(String path) {
        return new Call(HttpMethod.PUT, path);
    }

    public Call patch(String path) {
        return new Call(HttpMethod.PATCH, path);
    }

    public Call delete(String path) {
        return new Call(HttpMethod.DELETE, path);
    }

    /** One request being put together; {@link #send()} performs and validates it. */
    public final class Call {
        private final HttpMethod method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private String body;
        private MediaType contentType = MediaType.APPLICATION_JSON_TYPE;
        private boolean validate = true;
        private boolean validateRequest = true;

        private Call(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String accessToken) {
            return header("Authorization", "Bearer " + accessToken);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call query(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        public Call json(Object value) {
            try {
                this.body = JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            return this;
        }

        public Call rawBody(String raw, MediaType type) {
            this.body = raw;
            this.contentType = type;
            return this;
        }

        /** For requests that deliberately break the contract (unknown routes, malformed JSON). */
        public Call outsideContract() {
            this.validate = false;
            return this;
        }

        /** For invalid input sent on purpose: only the response is held to the contract. */
        public Call invalidInput() {
            this.validateRequest = false;
            return this;
        }

        public ApiResponse send() {
            String uri = query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            MutableHttpRequest<String> request = HttpRequest.create(method, uri);
            headers.forEach(request::header);
            if (body != null) {
                request.body(body).contentType(contentType);
            }
            HttpResponse<String> response;
            try {
                response = client.toBlocking().exchange(request, String.class);
            } catch (HttpClientResponseException e) {
                @SuppressWarnings("unchecked")
                HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
                response = failed;
            }
            String responseBody = response.getBody(String.class).orElse(null);
            ApiResponse result = new ApiResponse(response.code(), response.getHeaders(), responseBody);
            if (validate && path.startsWith("/api/v1/")) {
                validate(result);
            }
            return result;
        }

        private void validate(ApiResponse result) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method.name()), path);
            headers.forEach(request::withHeader);
            query.forEach(request::withQueryParam);
            if (body != null) {
                request.withBody(body).withContentType(contentType.toString());
            }
            SimpleResponse.Builder response = SimpleResponse.Builder.status(result.status());
            result.headers().forEach((name, values) -> response.withHeader(name, values));
            if (result.body() != null && !result.body().isEmpty()) {
                response.withBody(result.body());
            }
            ValidationReport report = validateRequest
                    ? CONTRACT.validate(request.build(), response.build())
                    : CONTRACT.validateResponse(path, Request.Method.valueOf(method.name()), response.build());
            if (report.hasErrors()) {
                fail("Contract violation for " + method + " " + path + " -> " + result.status() + ":\n"
                        + report.getMessages().stream().map(ValidationReport.Message::toString)
                        .collect(Collectors.joining("\n")) + "\nbody: " + result.body());
            }
        }
    }
}
