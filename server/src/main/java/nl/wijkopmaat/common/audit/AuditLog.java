package nl.wijkopmaat.common.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.ServerSecret;
import nl.wijkopmaat.common.web.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Security events on the logger {@code nl.wijkopmaat.audit}, one line each, as {@code key=value}
 * pairs (also passed as SLF4J key-value pairs for structured appenders): the event, the account id
 * and the client address as a keyed hash, so that events from one address can be told apart
 * without the address itself being kept. Never an email address or a token.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("nl.wijkopmaat.audit");
    private static final String HMAC = "HmacSHA256";
    private static final int ADDRESS_HASH_BYTES = 8;

    private final ClientAddress clientAddress;
    private final byte[] addressKey;

    AuditLog(ClientAddress clientAddress, ServerSecret secret) {
        this.clientAddress = clientAddress;
        this.addressKey = secret.key("audit client addresses");
    }

    public void record(String event, @Nullable UUID accountId) {
        record(event, accountId, Map.of());
    }

    /** {@code details} are ids and codes only. */
    public void record(String event, @Nullable UUID accountId, Map<String, Object> details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("account", accountId == null ? "-" : accountId);
        fields.put("client", ServerRequestContext.currentRequest().map(this::hashedAddress).orElse("-"));
        fields.putAll(details);
        StringBuilder line = new StringBuilder("audit");
        LoggingEventBuilder builder = LOG.atInfo();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            line.append(' ').append(field.getKey()).append('=').append(field.getValue());
            builder = builder.addKeyValue(field.getKey(), field.getValue());
        }
        builder.log(line.toString());
    }

    private String hashedAddress(HttpRequest<?> request) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(addressKey, HMAC));
            byte[] digest = mac.doFinal(clientAddress.of(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ADDRESS_HASH_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }
}
