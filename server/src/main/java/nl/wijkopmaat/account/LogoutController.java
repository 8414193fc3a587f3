package nl.wijkopmaat.account;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
    void logout(@Valid @Body LogoutRequest request) {
        refreshTokenValidator.validate(request.refreshToken()).ifPresent(refreshTokens::revokeFamilyOf);
    }

    @Serdeable
    record LogoutRequest(@NotBlank @Size(max = 2000) String refreshToken) {
    }
}
