package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.token.bearer.AccessRefreshTokenLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.ProblemResponses;

/**
 * Micronaut Security's bearer login handler, answering with this API's {@link TokenResponse} and with
 * failures as problem+json (401, 429 while the email is locked, 503 when the server cannot check
 * passwords fast enough). Refreshing is
 * {@link TokenController}'s.
 */
@Singleton
@Replaces(AccessRefreshTokenLoginHandler.class)
class TokenLoginHandler extends AccessRefreshTokenLoginHandler {

    private final ProblemResponses problems;

    TokenLoginHandler(AccessRefreshTokenGenerator accessRefreshTokenGenerator, ProblemResponses problems) {
        super(accessRefreshTokenGenerator);
        this.problems = problems;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        return accessRefreshTokenGenerator.generate(authentication)
                .<MutableHttpResponse<?>>map(tokens -> HttpResponse.ok(TokenResponse.of(authentication, tokens)))
                .orElseGet(HttpResponse::serverError);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse authenticationFailed, HttpRequest<?> request) {
        if (authenticationFailed instanceof SignInPostponed postponed) {
            return problems.of(request, postponed.problem());
        }
        return problems.of(request, ApiException.unauthorized("problem.login.failed"));
    }
}
