package nl.wijkopmaat.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A response as the client saw it, already checked against the API contract. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String pointer) {
        return json().at(pointer).asText();
    }

    public String header(String name) {
        return headers.get(name);
    }
}
