package nl.wijkopmaat.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The token response of sign-in and refresh: RFC 6749's fields and the account id. Not Micronaut
 * Security's own, which adds the token's roles: always empty here, because roles are read on every
 * request (and shown by {@code /me}), never carried in a token.
 */
@Serdeable
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("refresh_token") String refreshToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") int expiresIn,
                     String username) {

    static TokenResponse of(Authentication authentication, AccessRefreshToken tokens) {
        return new TokenResponse(tokens.getAccessToken(), tokens.getRefreshToken(), tokens.getTokenType(),
                tokens.getExpiresIn(), authentication.getName());
    }
}
