package nl.wijkopmaat.common.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallenge;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.token.reader.TokenResolver;
import jakarta.inject.Singleton;

/**
 * The {@code WWW-Authenticate} challenge of a 401 (RFC 6750, section 3): this API takes bearer
 * tokens and nothing else. A request that carried one is told that it is invalid (forged, expired,
 * or of an account that no longer exists), so a client knows to refresh or sign in again.
 */
@Singleton
public class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    private final TokenResolver<HttpRequest<?>> tokenResolver;

    BearerChallenge(TokenResolver<HttpRequest<?>> tokenResolver) {
        this.tokenResolver = tokenResolver;
    }

    @Override
    public String getWwwAuthenticateChallenge(@Nullable HttpRequest<?> request) {
        WwwAuthenticateChallenge.Builder challenge = WwwAuthenticateChallenge.builder().authScheme("Bearer");
        if (request != null && !tokenResolver.resolveTokens(request).isEmpty()) {
            challenge.param("error", "invalid_token");
        }
        return challenge.build().toString();
    }
}
