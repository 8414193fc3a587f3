package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ProblemDetails.InvalidParamDetail;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.portal.Portal;
import nl.wijkopmaat.common.portal.PortalErrors;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every error, ours and the framework's (unknown route, wrong method, unreadable JSON,
 * missing token), as application/problem+json in the caller's language; on the portal's paths, a
 * browser gets the same answer as a page.
 */
@Singleton
class LocalizedProblemResponseProcessor implements ErrorResponseProcessor<ProblemDetails> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://wijkopmaat.nl/problems/";
    /** How the JSON decoder names the property it failed on, e.g. "property [UUID municipalityId]". */
    private static final Pattern DECODED_PROPERTY = Pattern.compile("property \\[(?:\\S+ )?(\\w+)]");

    private final Messages messages;
    private final PortalErrors portalErrors;

    LocalizedProblemResponseProcessor(Messages messages, PortalErrors portalErrors) {
        this.messages = messages;
        this.portalErrors = portalErrors;
    }

    @Override
    public MutableHttpResponse<ProblemDetails> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ProblemDetails>) response;
        }
        HttpStatus status = response.status();
        if (Portal.isPortalRequest(context.getRequest())) {
            return portalPage(context, status);
        }
        Locale locale = messages.locale(context.getRequest());
        String title = title(status, locale);
        ProblemDetails problem;
        if (context.getRootCause().orElse(null) instanceof ApiException api) {
            List<InvalidParamDetail> invalid = api.invalidParams().stream()
                    .map(param -> new InvalidParamDetail(param.name(), messages.get(param.reasonCode(), locale, param.reasonArgs())))
                    .toList();
            problem = new ProblemDetails(TYPE_BASE + api.code().replace('.', '-'), title, status.getCode(),
                    messages.get(api.code(), locale, api.args()), null, invalid.isEmpty() ? null : invalid, api.members());
        } else {
            List<InvalidParamDetail> invalid = context.getErrors().stream()
                    .filter(error -> error.getPath().isPresent())
                    .map(error -> invalidParam(error, locale))
                    .toList();
            problem = new ProblemDetails("about:blank", title, status.getCode(), frameworkDetail(status, locale), null,
                    status == HttpStatus.BAD_REQUEST && !invalid.isEmpty() ? invalid : null, Map.of());
        }
        return response.body(problem).contentType(PROBLEM_JSON);
    }

    /** A form posted without any body cannot carry its CSRF token: refused like one without it. */
    @SuppressWarnings("unchecked")
    private MutableHttpResponse<ProblemDetails> portalPage(ErrorContext context, HttpStatus status) {
        Throwable cause = context.getRootCause().orElse(null);
        MutableHttpResponse<?> page;
        if (cause instanceof ApiException api) {
            page = portalErrors.page(context.getRequest(), api);
        } else if (cause instanceof UnsatisfiedBodyRouteException && context.getRequest().getMethod() == HttpMethod.POST) {
            page = portalErrors.page(context.getRequest(), HttpStatus.FORBIDDEN, "portal.error.forbidden");
        } else {
            page = portalErrors.page(context.getRequest(), status, frameworkDetailCode(status));
        }
        return (MutableHttpResponse<ProblemDetails>) page;
    }

    /**
     * A body the framework could not bind: name the JSON property when the decoder says which one,
     * otherwise the request part (body, path or query parameter).
     */
    private InvalidParamDetail invalidParam(Error error, Locale locale) {
        Matcher property = DECODED_PROPERTY.matcher(error.getMessage());
        String name = property.find() ? property.group(1) : error.getPath().orElseThrow().replaceFirst("^/", "");
        return new InvalidParamDetail(name, messages.get("validation.unreadable", locale));
    }

    private String title(HttpStatus status, Locale locale) {
        String title = messages.get("problem.title." + status.getCode(), locale);
        return title.startsWith("problem.title.") ? status.getReason() : title;
    }

    private String frameworkDetail(HttpStatus status, Locale locale) {
        return messages.get(frameworkDetailCode(status), locale);
    }

    private String frameworkDetailCode(HttpStatus status) {
        String code = "problem.detail." + status.getCode();
        return messages.get(code, Messages.DUTCH).equals(code) ? "problem.detail.other" : code;
    }
}
