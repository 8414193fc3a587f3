package nl.wijkopmaat.common.error;

import io.micronaut.core.annotation.Nullable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bean validation violations as invalid params named the way the client sent the fields. */
public final class InvalidParams {

    private static final List<String> ARGUMENTS = List.of("min", "max", "value", "fraction");

    private InvalidParams() {
    }

    public static List<InvalidParam> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(InvalidParams::toInvalidParam)
                .sorted(Comparator.comparing(InvalidParam::name))
                .toList();
    }

    private static InvalidParam toInvalidParam(ConstraintViolation<?> violation) {
        var descriptor = violation.getConstraintDescriptor();
        String constraint = descriptor.getAnnotation().annotationType().getSimpleName();
        Map<String, Object> args = new LinkedHashMap<>();
        ARGUMENTS.forEach(key -> {
            Object value = descriptor.getAttributes().get(key);
            if (value != null) {
                args.put(key, value);
            }
        });
        Object leafBean = violation.getLeafBean();
        return new InvalidParam(fieldName(violation.getPropertyPath(), leafBean == null ? null : leafBean.getClass()),
                "validation." + constraint, args);
    }

    /**
     * The field as the client sent it: {@code email}, {@code members[0].role}, or a query parameter,
     * without the Java method and parameter names the path starts with. The last property is named
     * as in JSON when its record renames it.
     */
    static String fieldName(Path path, @Nullable Class<?> leafType) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        Path.Node last = null;
        int lastStart = 0;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                last = node;
                lastStart = name.length();
                name.append(node.getName());
            }
        }
        if (name.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        if (leafType != null && last != null && last.getKind() == ElementKind.PROPERTY) {
            name.replace(lastStart, lastStart + last.getName().length(), JsonNames.of(leafType, last.getName()));
        }
        return name.toString();
    }
}
