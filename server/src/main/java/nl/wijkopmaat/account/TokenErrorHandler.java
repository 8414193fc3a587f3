package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.errors.IssuingAnAccessTokenErrorCode;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.errors.OauthErrorResponseExceptionHandler;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.ProblemResponses;

/**
 * The token endpoint's OAuth errors as problem+json like every other error of this API: a refresh
 * token that is not ours means "sign in again" (401); a malformed request is a 400.
 */
@Singleton
@Produces
@Replaces(OauthErrorResponseExceptionHandler.class)
class TokenErrorHandler implements ExceptionHandler<OauthErrorResponseException, HttpResponse<?>> {

    private final ProblemResponses problems;

    TokenErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OauthErrorResponseException exception) {
        if (exception.getError() == IssuingAnAccessTokenErrorCode.INVALID_GRANT) {
            return problems.of(request, ApiException.unauthorized("problem.refresh.invalid"));
        }
        if (exception.getError() == IssuingAnAccessTokenErrorCode.UNSUPPORTED_GRANT_TYPE) {
            return problems.of(request, ApiException.invalid("grant_type", "validation.grantType"));
        }
        return problems.of(request, ApiException.invalid("refresh_token", "validation.NotBlank"));
    }
}
