package nl.wijkopmaat.common.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.error.InvalidParams;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies into this API's own command records, strictly (see {@link JsonBodyChecker}).
 * A body with fields of the wrong type is answered with one 400 that names those fields and, from
 * bean validation of the rest of the body, every other invalid field too. Bodies of other types (the
 * framework's own) are left to the default JSON reader.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
class StrictJsonBodyReader<T> implements MessageBodyReader<T> {

    private final JsonMapper json;
    private final Validator validator;

    StrictJsonBodyReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        boolean json = mediaType != null && (mediaType.matches(MediaType.APPLICATION_JSON_TYPE)
                || "json".equals(mediaType.getExtension()));
        return json && JsonBodyChecker.applies(type);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) throws CodecException {
        JsonNode body;
        try {
            body = json.readValue(inputStream, JsonNode.class);
        } catch (IOException unreadable) {
            throw ApiException.invalid("body", "validation.json");
        }
        if (body == null) {
            throw ApiException.invalid("body", "validation.json");
        }
        List<InvalidParam> wrongTypes = JsonBodyChecker.check(body, type);
        if (!wrongTypes.isEmpty()) {
            throw ApiException.invalid(withOtherViolations(wrongTypes, body, type));
        }
        try {
            return json.readValueFromTree(body, type);
        } catch (IOException unreadable) {
            throw ApiException.invalid("body", "validation.json");
        }
    }

    /**
     * Adds what bean validation finds in the fields that did have the right type, so the client sees
     * every problem of the body in one answer.
     */
    private List<InvalidParam> withOtherViolations(List<InvalidParam> wrongTypes, JsonNode body, Argument<T> type) {
        Set<String> wrong = wrongTypes.stream().map(InvalidParam::name).collect(Collectors.toSet());
        List<InvalidParam> all = new ArrayList<>(wrongTypes);
        try {
            T rest = json.readValueFromTree(without(body, wrong, ""), type);
            InvalidParams.of(validator.validate(rest)).stream()
                    .filter(violation -> wrong.stream().noneMatch(name -> covers(name, violation.name())))
                    .forEach(all::add);
        } catch (IOException | RuntimeException notBindable) {
            // The remaining fields cannot be bound on their own; the type errors alone are the answer.
        }
        all.sort(Comparator.comparing(InvalidParam::name));
        return all;
    }

    private static JsonNode without(JsonNode node, Set<String> wrong, String path) {
        if (node.isObject()) {
            Map<String, JsonNode> kept = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (!wrong.contains(child)) {
                    kept.put(entry.getKey(), without(entry.getValue(), wrong, child));
                }
            }
            return JsonNode.createObjectNode(kept);
        }
        if (node.isArray()) {
            List<JsonNode> kept = new ArrayList<>();
            int index = 0;
            for (JsonNode element : node.values()) {
                String child = path + "[" + index++ + "]";
                kept.add(wrong.contains(child) ? JsonNode.nullNode() : without(element, wrong, child));
            }
            return JsonNode.createArrayNode(kept);
        }
        return node;
    }

    private static boolean covers(String wrongField, String violation) {
        return violation.equals(wrongField) || violation.startsWith(wrongField + ".") || violation.startsWith(wrongField + "[");
    }
}
