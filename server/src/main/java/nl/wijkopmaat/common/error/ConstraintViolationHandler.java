package nl.wijkopmaat.common.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bean validation failures into one 400 that names every invalid field at once.
 */
@Singleton
@Produces
@Replaces(ConstraintExceptionHandler.class)
class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    private static final List<String> ARGUMENTS = List.of("min", "max", "value");

    private final ProblemResponses problems;

    ConstraintViolationHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<InvalidParam> params = exception.getConstraintViolations().stream()
                .map(ConstraintViolationHandler::toInvalidParam)
                .sorted(Comparator.comparing(InvalidParam::name))
                .toList();
        return problems.of(request, ApiException.invalid(params));
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
        return new InvalidParam(fieldName(violation.getPropertyPath()), "validation." + constraint, args);
    }

    /** The field as the client sent it: {@code email}, {@code members[0].role}, or a query parameter. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        boolean inParameter = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                inParameter = true;
                continue;
            }
            if (!inParameter || node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        if (name.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return name.toString();
    }
}
