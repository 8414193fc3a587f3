package nl.wijkopmaat.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;

import java.util.ArrayList;
import java.util.List;

/**
 * The OAuth 2 refresh grant (RFC 6749, section 6). It takes the place of Micronaut Security's oauth
 * endpoint, which answers a request without a body with an empty 404, names one missing field at a
 * time and also answers GET; the tokens still come from Micronaut Security's refresh token
 * validator, persistence and generator.
 */
@Controller("/api/v1/auth/token")
@Secured(SecurityRule.IS_ANONYMOUS)
class TokenController {

    private static final String REFRESH_TOKEN_GRANT = "refresh_token";

    private final TokenRotation rotation;

    TokenController(TokenRotation rotation) {
        this.rotation = rotation;
    }

    /** JSON as the contract says; also the form encoding RFC 6749 prescribes, for OAuth clients. */
    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    TokenResponse refresh(@Nullable @Body TokenRefreshRequest request) {
        TokenRefreshRequest body = request == null ? new TokenRefreshRequest(null, null) : request;
        List<InvalidParam> invalid = new ArrayList<>();
        if (!StringUtils.hasText(body.grantType())) {
            invalid.add(new InvalidParam("grant_type", "validation.NotBlank"));
        } else if (!REFRESH_TOKEN_GRANT.equals(body.grantType())) {
            invalid.add(new InvalidParam("grant_type", "validation.grantType"));
        }
        if (!StringUtils.hasText(body.refreshToken())) {
            invalid.add(new InvalidParam("refresh_token", "validation.NotBlank"));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        return rotation.rotate(body.refreshToken())
                .orElseThrow(() -> ApiException.unauthorized("problem.refresh.invalid"));
    }

    /** The OAuth field names; both are checked by hand so that an empty body names every missing one. */
    @Serdeable
    record TokenRefreshRequest(@Nullable @JsonProperty("grant_type") String grantType,
                               @Nullable @JsonProperty("refresh_token") String refreshToken) {
    }
}
