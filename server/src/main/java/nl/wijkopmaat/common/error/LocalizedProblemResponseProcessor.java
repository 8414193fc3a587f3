package nl.wijkopmaat.common.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ProblemDetails.InvalidParamDetail;
import nl.wijkopmaat.common.i18n.Messages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every error, ours and the framework's (unknown route, wrong method, unreadable JSON,
 * missing token), as application/problem+json in the caller's language.
 */
@Singleton
class LocalizedProblemResponseProcessor implements ErrorResponseProcessor<ProblemDetails> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://wijkopmaat.nl/problems/";
    /** How the JSON decoder names the property it failed on, e.g. "property [UUID municipalityId]". */
    private static final Pattern DECODED_PROPERTY = Pattern.compile("property \\[(?:\\S+ )?(\\w+)]");

    private final Messages messages;

    LocalizedProblemResponseProcessor(Messages messages) {
        this.messages = messages;
    }

    @Override
    public MutableHttpResponse<ProblemDetails> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ProblemDetails>) response;
        }
        HttpStatus status = response.status();
        Locale locale = messages.locale(context.getRequest());
        String title = title(status, locale);
        ProblemDetails problem;
        if (context.getRootCause().orElse(null) instanceof ApiException api) {
            List<InvalidParamDetail> invalid = api.invalidParams().stream()
                    .map(param -> new InvalidParamDetail(param.name(), messages.get(param.reasonCode(), locale, param.reasonArgs())))
                    .toList();
            problem = new ProblemDetails(TYPE_BASE + api.code().replace('.', '-'), title, status.getCode(),
                    messages.get(api.code(), locale, api.args()), null, invalid.isEmpty() ? null : invalid);
        } else {
            Optional<String> decodedPath = decodedPath(context.getRootCause().orElse(null));
            List<InvalidParamDetail> invalid = context.getErrors().stream()
                    .filter(error -> error.getPath().isPresent())
                    .map(error -> invalidParam(error, decodedPath, locale))
                    .toList();
            problem = new ProblemDetails("about:blank", title, status.getCode(), frameworkDetail(status, locale), null,
                    status == HttpStatus.BAD_REQUEST && !invalid.isEmpty() ? invalid : null);
        }
        return response.body(problem).contentType(PROBLEM_JSON);
    }

    /**
     * A body the framework could not bind: name the JSON property when the decoder says which one,
     * with its path in nested objects ({@code push.myInitiatives}), otherwise the request part
     * (body, path or query parameter).
     */
    private InvalidParamDetail invalidParam(Error error, Optional<String> decodedPath, Locale locale) {
        String name = decodedPath.orElseGet(() -> {
            Matcher property = DECODED_PROPERTY.matcher(error.getMessage());
            return property.find() ? property.group(1) : error.getPath().orElseThrow().replaceFirst("^/", "");
        });
        return new InvalidParamDetail(name, messages.get("validation.unreadable", locale));
    }

    /** The path the JSON decoder recorded on its way out of the nested objects, outermost first. */
    private static Optional<String> decodedPath(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                List<ReferencePath> innermostFirst = serde.getPath();
                StringBuilder name = new StringBuilder();
                for (int i = innermostFirst.size() - 1; i >= 0; i--) {
                    ReferencePath step = innermostFirst.get(i);
                    if (step instanceof CollectionItemReferencePath item) {
                        name.append('[').append(item.index()).append(']');
                    } else {
                        String part = step instanceof MapItemReferencePath entry ? entry.key() : step.getArgument().getName();
                        name.append(name.isEmpty() ? "" : ".").append(part);
                    }
                }
                return Optional.of(name.toString());
            }
        }
        return Optional.empty();
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
