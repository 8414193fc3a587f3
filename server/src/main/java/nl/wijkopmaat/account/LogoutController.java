package nl.wijkopmaat.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import nl.wijkopmaat.common.error.ApiException;

/**
 * Signing out revokes the presented refresh token and its family; the short-lived access token
 * simply expires. An unknown or already revoked token is not an error: the result is the same.
 */
@Controller("/api/v1/auth/logout")
@Secured(SecurityRule.IS_ANONYMOUS)
class LogoutController {

    private final RefreshTokenValidator refreshTokenValidator;
    private final RefreshTokenStore refreshTokens;

    LogoutController(RefreshTokenValidator refreshTokenValidator, RefreshTokenStore refreshTokens) {
        this.refreshTokenValidator = refreshTokenValidator;
        this.refreshTokens = refreshTokens;
    }

    @Post
    @Status(HttpStatus.NO_CONTENT)
    void logout(@Nullable @Valid @Body LogoutRequest request) {
        if (request == null || !StringUtils.hasText(request.refreshToken())) {
            throw ApiException.invalid("refresh_token", "validation.NotBlank");
        }
        refreshTokenValidator.validate(request.refreshToken()).ifPresent(refreshTokens::revokeFamilyOf);
    }

    /** Named as in the token endpoint's OAuth request, so that a client sends the same field to both. */
    @Serdeable
    record LogoutRequest(@NotBlank @JsonProperty("refresh_token") String refreshToken) {
    }
}
