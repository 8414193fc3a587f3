package nl.wijkopmaat.common;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.security.token.jwt.generator.RefreshTokenConfigurationProperties;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import nl.wijkopmaat.common.security.ServerSecret;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSecretTest {

    private static final String SECRET = "a secret of forty characters, or nearly";

    @Test
    void aTwentyByteSecretStopsTheStartUpNamingTheVariable() {
        assertThatThrownBy(() -> ApplicationContext.run(
                Map.of("wijkopmaat.security.jwt-secret", "twenty bytes secret!"), Environment.TEST).close())
                .hasStackTraceContaining("JWT_GENERATOR_SIGNATURE_SECRET")
                .hasStackTraceContaining("at least 32 bytes");
    }

    @Test
    void aMissingSecretStopsAStartUpOutsideDevelopmentAndTests() {
        // Without deduction, since a test run would otherwise be taken for the test environment.
        assertThatThrownBy(() -> ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("wijkopmaat.security.jwt-secret", "", "wijkopmaat.mail.smtp.host", "localhost"))
                .start().close())
                .hasStackTraceContaining("JWT_GENERATOR_SIGNATURE_SECRET is not set");
    }

    @Test
    void accessTokensRefreshTokensAndIdempotencyHashesHaveKeysOfTheirOwnDerivedFromASetSecretAlsoInDevelopment()
            throws Exception {
        Map<String, Object> settings = Map.of("wijkopmaat.security.jwt-secret", SECRET,
                "wijkopmaat.demo-data.enabled", false);
        try (ApplicationContext context = ApplicationContext.run(settings, Environment.DEVELOPMENT, Environment.TEST)) {
            ServerSecret secret = context.getBean(ServerSecret.class);
            assertThat(secret.key("access tokens")).isEqualTo(derived("access tokens"));

            SecretSignatureConfiguration access = context.getBean(SecretSignatureConfiguration.class);
            RefreshTokenConfigurationProperties refresh = context.getBean(RefreshTokenConfigurationProperties.class);
            assertThat(access.isBase64()).isTrue();
            assertThat(Base64.getDecoder().decode(access.getSecret())).isEqualTo(derived("access tokens"));
            assertThat(Base64.getDecoder().decode(refresh.getSecret())).isEqualTo(derived("refresh tokens"));
            assertThat(access.getSecret()).isNotEqualTo(refresh.getSecret()).isNotEqualTo(SECRET);
            assertThat(secret.key("idempotency hashes")).isNotEqualTo(secret.key("access tokens"))
                    .isNotEqualTo(secret.key("refresh tokens"));
        }
    }

    private static byte[] derived(String purpose) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(("wijkopmaat " + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
