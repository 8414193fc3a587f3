package nl.wijkopmaat.common.load;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ProblemResponses;
import nl.wijkopmaat.common.error.RetryLaterException;

import java.time.Duration;

/**
 * No connection came free in time: the database is the bottleneck right now, which is the
 * server's capacity (503, try again shortly), not a fault in the request.
 */
@Singleton
@Produces
class ConnectionUnavailableHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> {

    private final ProblemResponses problems;

    ConnectionUnavailableHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        return problems.of(request, RetryLaterException.unavailable(Duration.ofSeconds(1)));
    }
}
