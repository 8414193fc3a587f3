package nl.wijkopmaat.common.web;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.error.JsonNames;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a JSON request body against the record it is bound to, before anything is converted: every
 * value must already have the JSON type of its field (no string from a number, no truncated cents,
 * no boolean from "yes"), enums are matched exactly, and properties the record does not have are
 * refused. It reports every bad field at once, by its JSON path ({@code push.myInitiatives},
 * {@code actionPoints[2].text}).
 */
final class JsonBodyChecker {

    /** The sign-in body is the security module's record; it is read as strictly as ours. */
    private static final String SIGN_IN_CREDENTIALS = "io.micronaut.security.authentication.UsernamePasswordCredentials";

    private final List<InvalidParam> problems = new ArrayList<>();

    private JsonBodyChecker() {
    }

    /** Every field of the body that does not fit the type; empty when the body can be bound as it is. */
    static List<InvalidParam> check(JsonNode body, Argument<?> type) {
        JsonBodyChecker checker = new JsonBodyChecker();
        checker.value(body, type, "");
        return List.copyOf(checker.problems);
    }

    /** Whether the body binds to one of our own records (or the sign-in body), the types checked this strictly. */
    static boolean applies(Argument<?> type) {
        return introspection(type.getType()).isPresent();
    }

    private void value(JsonNode node, Argument<?> type, String path) {
        Class<?> javaType = type.getType();
        if (node.isNull()) {
            if (javaType.isPrimitive()) {
                problem(path, "validation.NotNull");
            }
            return;
        }
        if (javaType == String.class || javaType == CharSequence.class) {
            expect(node.isString(), path, "validation.type.string");
        } else if (javaType == Boolean.class || javaType == boolean.class) {
            expect(node.isBoolean(), path, "validation.type.boolean");
        } else if (isWholeNumber(javaType)) {
            wholeNumber(node, javaType, path);
        } else if (javaType == BigDecimal.class || javaType == Double.class || javaType == double.class) {
            expect(node.isNumber(), path, "validation.type.number");
        } else if (javaType.isEnum()) {
            enumValue(node, javaType, path);
        } else if (javaType == UUID.class) {
            parsed(node, path, "validation.type.uuid", UUID::fromString);
        } else if (javaType == Instant.class || javaType == OffsetDateTime.class) {
            parsed(node, path, "validation.type.dateTime", OffsetDateTime::parse);
        } else if (javaType == LocalDate.class) {
            parsed(node, path, "validation.type.date", LocalDate::parse);
        } else if (javaType == LocalTime.class) {
            parsed(node, path, "validation.type.time", LocalTime::parse);
        } else if (Map.class.isAssignableFrom(javaType)) {
            map(node, type, path);
        } else if (Collection.class.isAssignableFrom(javaType)) {
            collection(node, type, path);
        } else {
            introspection(javaType).ifPresent(introspection -> object(node, introspection, path));
        }
    }

    private void object(JsonNode node, BeanIntrospection<?> introspection, String path) {
        if (!node.isObject()) {
            problem(path, "validation.type.object");
            return;
        }
        Map<String, BeanProperty<?, Object>> properties = new LinkedHashMap<>();
        for (BeanProperty<?, Object> property : introspection.getBeanProperties()) {
            properties.put(jsonName(property), property);
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            BeanProperty<?, Object> property = properties.get(entry.getKey());
            String child = child(path, entry.getKey());
            if (property == null) {
                problem(child, "validation.unknownProperty");
            } else {
                value(entry.getValue(), property.asArgument(), child);
            }
        }
    }

    private void map(JsonNode node, Argument<?> type, String path) {
        if (!node.isObject()) {
            problem(path, "validation.type.object");
            return;
        }
        Argument<?>[] parameters = type.getTypeParameters();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String child = child(path, entry.getKey());
            if (parameters.length == 2 && parameters[0].getType().isEnum()
                    && !constants(parameters[0].getType()).contains(entry.getKey())) {
                problem(child, "validation.unknownProperty");
            } else if (parameters.length == 2) {
                value(entry.getValue(), parameters[1], child);
            }
        }
    }

    private void collection(JsonNode node, Argument<?> type, String path) {
        if (!node.isArray()) {
            problem(path, "validation.type.array");
            return;
        }
        Argument<?>[] parameters = type.getTypeParameters();
        int index = 0;
        for (JsonNode element : node.values()) {
            if (parameters.length == 1) {
                value(element, parameters[0], path + "[" + index + "]");
            }
            index++;
        }
    }

    private void wholeNumber(JsonNode node, Class<?> javaType, String path) {
        if (!node.isNumber()) {
            problem(path, "validation.type.integer");
            return;
        }
        BigInteger value;
        try {
            value = new BigDecimal(node.getNumberValue().toString()).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException fraction) {
            problem(path, "validation.type.integer");
            return;
        }
        boolean fitsInt = value.bitLength() < Integer.SIZE;
        boolean fitsLong = value.bitLength() < Long.SIZE;
        boolean isInt = javaType == Integer.class || javaType == int.class;
        expect(isInt ? fitsInt : fitsLong, path, "validation.type.integer");
    }

    private void enumValue(JsonNode node, Class<?> enumType, String path) {
        List<String> allowed = constants(enumType);
        if (!node.isString() || !allowed.contains(node.getStringValue())) {
            problems.add(new InvalidParam(path, "validation.type.enum", Map.of("allowed", String.join(", ", allowed))));
        }
    }

    private void parsed(JsonNode node, String path, String reason, java.util.function.Function<String, ?> parser) {
        if (!node.isString()) {
            problem(path, reason);
            return;
        }
        try {
            parser.apply(node.getStringValue());
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            problem(path, reason);
        }
    }

    private void expect(boolean fits, String path, String reason) {
        if (!fits) {
            problem(path, reason);
        }
    }

    private void problem(String path, String reason) {
        problems.add(new InvalidParam(path.isEmpty() ? "body" : path, reason));
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class;
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.toList());
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String jsonName(BeanProperty<?, Object> property) {
        return JsonNames.of(property.getName(), property.getAnnotationMetadata());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<BeanIntrospection<?>> introspection(Class<?> type) {
        if (!type.getName().startsWith("nl.wijkopmaat.") && !type.getName().equals(SIGN_IN_CREDENTIALS)) {
            return Optional.empty();
        }
        return (Optional) BeanIntrospector.SHARED.findIntrospection(type);
    }
}
