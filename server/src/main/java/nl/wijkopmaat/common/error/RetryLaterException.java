package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A limit was hit that passes with time: the response carries {@code Retry-After}. A 429 is this
 * caller's limit; a 503 is the capacity of the whole server.
 */
public class RetryLaterException extends ApiException {

    private final Duration retryAfter;

    protected RetryLaterException(HttpStatus status, String code, Map<String, Object> args, Duration retryAfter) {
        super(status, code, args, List.of());
        this.retryAfter = retryAfter;
    }

    /** The server is at capacity; the request did nothing. */
    public static RetryLaterException unavailable(Duration retryAfter) {
        return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable", Map.of(), retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
