package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.Map;

/**
 * A rate limit of this caller was hit; the response carries {@code Retry-After}.
 */
public class TooManyRequestsException extends RetryLaterException {

    public TooManyRequestsException(String code, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, Map.of("minutes", Math.max(1, (retryAfter.toSeconds() + 59) / 60)), retryAfter);
    }
}
