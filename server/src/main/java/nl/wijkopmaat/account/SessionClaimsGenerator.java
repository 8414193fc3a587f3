package nl.wijkopmaat.account;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import jakarta.inject.Singleton;

/**
 * Keeps the refresh token family, an internal bookkeeping value, out of the access token, and puts
 * the account's session epoch in (read at sign-in and at each refresh), so that ending the
 * account's sessions ends its access tokens too ({@link ActiveAccountFilter}).
 */
@Singleton
@Replaces(JWTClaimsSetGenerator.class)
class SessionClaimsGenerator extends JWTClaimsSetGenerator {

    SessionClaimsGenerator(TokenConfiguration tokenConfiguration, @Nullable JtiGenerator jwtIdGenerator,
                           @Nullable ClaimsAudienceProvider claimsAudienceProvider, @Nullable ApplicationConfiguration applicationConfiguration) {
        super(tokenConfiguration, jwtIdGenerator, claimsAudienceProvider, applicationConfiguration);
    }

    /** The claim, and the authentication attribute it comes from. */
    static final String SESSION_EPOCH = "sessionEpoch";

    /** The session epoch of a presented token; tokens from before epochs existed are of epoch 0. */
    static int sessionEpoch(Authentication authentication) {
        Object value = authentication.getAttributes().get(SESSION_EPOCH);
        return value instanceof Number number ? number.intValue() : 0;
    }

    @Override
    protected void populateWithAuthentication(JWTClaimsSet.Builder builder, Authentication authentication) {
        super.populateWithAuthentication(builder, authentication);
        builder.claim(RefreshTokenStore.FAMILY_ATTRIBUTE, null);
    }
}
