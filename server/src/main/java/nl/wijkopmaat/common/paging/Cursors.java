package nl.wijkopmaat.common.paging;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.ServerSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes and checks the cursors of every list. A cursor carries the sort key of the last row it
 * stands for, the list it belongs to and a fingerprint of that list's filters, sealed with an HMAC:
 * a cursor that was altered, made up, or taken from another list or filter is a 400 naming
 * {@code cursor}, never an empty page that looks like the end of the list.
 */
@Singleton
public class Cursors {

    private static final String SEPARATOR = "\u001f";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Cursors(ServerSecret secret) {
        this.key = new SecretKeySpec(secret.key("list cursors"), "HmacSHA256");
    }

    /** Where the requested page starts: after the key in its cursor, or at the top without one. */
    public Optional<CursorKey> after(PageRequest page, ListScope scope) {
        if (page.cursor() == null) {
            return Optional.empty();
        }
        String[] sealed = page.cursor().split("\\.", -1);
        if (sealed.length != 2) {
            throw PageRequest.invalidCursor();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(sealed[0]);
            mac = DECODER.decode(sealed[1]);
        } catch (IllegalArgumentException notBase64) {
            throw PageRequest.invalidCursor();
        }
        if (!MessageDigest.isEqual(mac, truncatedMac(payload))) {
            throw PageRequest.invalidCursor();
        }
        List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split(SEPARATOR, -1));
        if (parts.size() < 3 || !parts.get(0).equals(scope.list()) || !parts.get(1).equals(fingerprint(scope))) {
            throw PageRequest.invalidCursor();
        }
        return Optional.of(new CursorKey(parts.subList(2, parts.size())));
    }

    /**
     * Builds a page from a query that fetched one row more than asked for: that extra row only tells
     * whether a next page exists.
     */
    public <R, T> Page<T> page(List<R> rows, PageRequest request, ListScope scope,
                               Function<R, List<?>> sortKey, Function<R, T> toItem) {
        boolean hasMore = rows.size() > request.size();
        List<R> pageRows = hasMore ? rows.subList(0, request.size()) : rows;
        String next = hasMore ? cursor(scope, sortKey.apply(pageRows.get(pageRows.size() - 1))) : null;
        return new Page<>(pageRows.stream().map(toItem).toList(), next);
    }

    String cursor(ListScope scope, List<?> sortKey) {
        List<String> parts = new ArrayList<>(List.of(scope.list(), fingerprint(scope)));
        sortKey.forEach(value -> parts.add(String.valueOf(value)));
        byte[] payload = String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(truncatedMac(payload));
    }

    private byte[] truncatedMac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** Short and fixed in length however many filters a list has: a cursor stays a small URL parameter. */
    private String fingerprint(ListScope scope) {
        byte[] digest = hmac(key, String.join(SEPARATOR, scope.filter()));
        return ENCODER.encodeToString(Arrays.copyOf(digest, 9));
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
