package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Builds the problem+json response for an {@link ApiException}, for code that answers a request
 * without throwing (exception handlers, the sign-in handler).
 */
@Singleton
public class ProblemResponses {

    private final ErrorResponseProcessor<?> errorResponseProcessor;

    ProblemResponses(ErrorResponseProcessor<?> errorResponseProcessor) {
        this.errorResponseProcessor = errorResponseProcessor;
    }

    public MutableHttpResponse<?> of(HttpRequest<?> request, ApiException exception) {
        MutableHttpResponse<?> response = HttpResponse.status(exception.status());
        if (exception instanceof RetryLaterException retryLater) {
            response.header("Retry-After", String.valueOf(Math.max(1, retryLater.retryAfter().toSeconds())));
        }
        return errorResponseProcessor.processResponse(ErrorContext.builder(request).cause(exception).build(), response);
    }
}
