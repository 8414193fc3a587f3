package nl.wijkopmaat.common.error;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Two requests that race past a uniqueness check meet at the database's unique key; the loser gets a
 * 409, not a 500. Other data access failures stay server errors.
 */
@Singleton
@Produces
class DuplicateKeyHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    private final ProblemResponses problems;

    DuplicateKeyHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return problems.of(request, ApiException.conflict("problem.conflict.duplicate"));
            }
        }
        throw exception;
    }
}
