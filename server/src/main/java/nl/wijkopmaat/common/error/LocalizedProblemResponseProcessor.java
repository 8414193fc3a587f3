package nl.wijkopmaat.common.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.i18n.Messages;
import org.zalando.problem.Problem;
import org.zalando.problem.ProblemBuilder;
import org.zalando.problem.ThrowableProblem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders every error, ours and the framework's, as RFC 9457 problem+json with {@code status},
 * {@code title}, {@code detail} and, for invalid input, {@code invalidParams}, in the caller's language.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
class LocalizedProblemResponseProcessor extends ProblemErrorResponseProcessor {

    private static final String TYPE_BASE = "https://wijkopmaat.nl/problems/";

    private final Messages messages;

    LocalizedProblemResponseProcessor(ProblemConfiguration configuration, Messages messages) {
        super(configuration);
        this.messages = messages;
    }

    @Override
    protected ThrowableProblem defaultProblem(ErrorContext context, HttpStatus status) {
        Locale locale = messages.locale(context.getRequest());
        ProblemBuilder problem = Problem.builder()
                .withStatus(new HttpStatusType(status))
                .withTitle(title(status, locale));
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ApiException api) {
            problem.withType(URI.create(TYPE_BASE + api.code().replace('.', '-')))
                    .withDetail(messages.get(api.code(), locale, api.args()));
            if (!api.invalidParams().isEmpty()) {
                problem.with("invalidParams", render(api.invalidParams(), locale));
            }
        } else {
            problem.withDetail(frameworkDetail(status, locale));
            List<Map<String, String>> fromFramework = context.getErrors().stream()
                    .filter(error -> error.getPath().isPresent())
                    .map(error -> invalidParam(error, locale))
                    .toList();
            if (status == HttpStatus.BAD_REQUEST && !fromFramework.isEmpty()) {
                problem.with("invalidParams", fromFramework);
            }
        }
        return problem.build();
    }

    private List<Map<String, String>> render(List<InvalidParam> params, Locale locale) {
        return params.stream()
                .map(param -> Map.of("name", param.name(), "reason", messages.get(param.reasonCode(), locale, param.reasonArgs())))
                .toList();
    }

    private Map<String, String> invalidParam(Error error, Locale locale) {
        return Map.of("name", error.getPath().orElseThrow(), "reason", messages.get("validation.unreadable", locale));
    }

    private String title(HttpStatus status, Locale locale) {
        String title = messages.get("problem.title." + status.getCode(), locale);
        return title.startsWith("problem.title.") ? status.getReason() : title;
    }

    private String frameworkDetail(HttpStatus status, Locale locale) {
        String detail = messages.get("problem.detail." + status.getCode(), locale);
        return detail.startsWith("problem.detail.") ? messages.get("problem.detail.other", locale) : detail;
    }
}
