package nl.wijkopmaat.common.error;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

/**
 * Requests that race each other meet at the database: at a unique key, a foreign key, a row
 * version or a lock. The one that loses gets a 409 it can act on, not a 500. Other data access
 * failures stay server errors.
 */
@Singleton
@Produces
class DataConflictHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    /** MySQL and MariaDB report a duplicate key with this vendor code. */
    private static final int DUPLICATE_KEY = 1062;

    private final ProblemResponses problems;

    DataConflictHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        if (exception instanceof OptimisticLockException) {
            return problems.of(request, ApiException.conflict("problem.conflict.concurrent"));
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException violation) {
                return problems.of(request, ApiException.conflict(violation.getErrorCode() == DUPLICATE_KEY
                        ? "problem.conflict.duplicate" : "problem.conflict.reference"));
            }
            if (cause instanceof SQLTransactionRollbackException) {
                return problems.of(request, ApiException.conflict("problem.conflict.concurrent"));
            }
        }
        throw exception;
    }
}
