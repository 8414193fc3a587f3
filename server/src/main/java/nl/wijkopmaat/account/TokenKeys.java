package nl.wijkopmaat.account;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.generator.RefreshTokenConfigurationProperties;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.ServerSecret;

import java.util.Base64;

/**
 * Gives Micronaut Security's access-token signature and refresh-token signature keys of their own,
 * derived from the server secret, in place of the placeholder that application.yml configures so
 * that both configurations exist.
 */
final class TokenKeys {

    static final String ACCESS_TOKENS = "access tokens";
    static final String REFRESH_TOKENS = "refresh tokens";

    private TokenKeys() {
    }

    @Singleton
    static class AccessTokens implements BeanCreatedEventListener<SecretSignatureConfiguration> {

        private final ServerSecret secret;

        AccessTokens(ServerSecret secret) {
            this.secret = secret;
        }

        @Override
        public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
            SecretSignatureConfiguration configuration = event.getBean();
            configuration.setSecret(Base64.getEncoder().encodeToString(secret.key(ACCESS_TOKENS)));
            configuration.setBase64(true);
            return configuration;
        }
    }

    @Singleton
    static class RefreshTokens implements BeanCreatedEventListener<RefreshTokenConfigurationProperties> {

        private final ServerSecret secret;

        RefreshTokens(ServerSecret secret) {
            this.secret = secret;
        }

        @Override
        public RefreshTokenConfigurationProperties onCreated(BeanCreatedEvent<RefreshTokenConfigurationProperties> event) {
            RefreshTokenConfigurationProperties configuration = event.getBean();
            configuration.setSecret(Base64.getEncoder().encodeToString(secret.key(REFRESH_TOKENS)));
            configuration.setBase64(true);
            return configuration;
        }
    }
}
