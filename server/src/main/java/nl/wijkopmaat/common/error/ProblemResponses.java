package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.BearerChallenge;

/**
 * Builds the problem+json response for an {@link ApiException}, for code that answers a request
 * without throwing (exception handlers, the sign-in handler).
 */
@Singleton
public class ProblemResponses {

    private final ErrorResponseProcessor<?> errorResponseProcessor;
    private final BearerChallenge challenge;

    ProblemResponses(ErrorResponseProcessor<?> errorResponseProcessor, BearerChallenge challenge) {
        this.errorResponseProcessor = errorResponseProcessor;
        this.challenge = challenge;
    }

    public MutableHttpResponse<?> of(HttpRequest<?> request, ApiException exception) {
        MutableHttpResponse<?> response = HttpResponse.status(exception.status());
        if (exception instanceof RetryLaterException retryLater) {
            response.header("Retry-After", String.valueOf(Math.max(1, retryLater.retryAfter().toSeconds())));
        }
        // The same challenge as the 401s of Micronaut Security's own authorization handler.
        if (exception.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge.getWwwAuthenticateChallenge(request));
        }
        return errorResponseProcessor.processResponse(ErrorContext.builder(request).cause(exception).build(), response);
    }
}
