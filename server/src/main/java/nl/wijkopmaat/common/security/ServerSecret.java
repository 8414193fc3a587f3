package nl.wijkopmaat.common.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The one secret of a deployment ({@code JWT_GENERATOR_SIGNATURE_SECRET}) and the keys derived from
 * it, one per purpose (HMAC-SHA256 of the purpose's label), so that access tokens, refresh tokens,
 * idempotency hashes and list cursors never share a key. Created at start-up: a missing or short
 * secret stops the server before it answers anything.
 */
@Context
public class ServerSecret {

    /** The environment variable operators set; named in every start-up failure. */
    public static final String VARIABLE = "JWT_GENERATOR_SIGNATURE_SECRET";
    public static final int MIN_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;

    ServerSecret(@Value("${wijkopmaat.security.jwt-secret:}") String configured, Environment environment) {
        this.secret = resolve(configured, environment.getActiveNames());
    }

    private static byte[] resolve(String configured, Set<String> environments) {
        if (configured.isEmpty()) {
            if (environments.contains(Environment.DEVELOPMENT) || environments.contains(Environment.TEST)) {
                byte[] random = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(random);
                return random;
            }
            throw new IllegalStateException(VARIABLE + " is not set: set it to at least " + MIN_BYTES
                    + " random bytes, e.g. the output of openssl rand -hex 32");
        }
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(VARIABLE + " is " + bytes.length + " bytes long; it must be at least "
                    + MIN_BYTES + " bytes, e.g. the output of openssl rand -hex 32");
        }
        return bytes;
    }

    /** A 32-byte key for one purpose; the same label always gives the same key for one secret. */
    public byte[] key(String purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(("wijkopmaat " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }
}
