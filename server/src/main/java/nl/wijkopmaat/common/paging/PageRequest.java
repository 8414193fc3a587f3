package nl.wijkopmaat.common.paging;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import nl.wijkopmaat.common.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code ?limit=&cursor=} of every list. The cursor is an opaque, URL-safe encoding of the sort key
 * of the last item the client saw (keyset pagination: stable under inserts, no OFFSET scans).
 */
@Introspected
public record PageRequest(
        @QueryValue @Nullable @Min(1) @Max(MAX_LIMIT) Integer limit,
        @QueryValue @Nullable @Size(max = 500) String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String SEPARATOR = "\u001f";

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public int size() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The sort key after which this page starts, empty for the first page. */
    public Optional<List<String>> after(int keyParts) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(decoded.split(SEPARATOR, -1));
            if (parts.size() != keyParts) {
                throw invalidCursor();
            }
            return Optional.of(parts);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    /** A time stored in a cursor; a tampered cursor is the client's error, not ours. */
    public static Instant instant(String keyPart) {
        try {
            return Instant.parse(keyPart);
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    /** A date stored in a cursor. */
    public static LocalDate date(String keyPart) {
        try {
            return LocalDate.parse(keyPart);
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    /** A number stored in a cursor. */
    public static long number(String keyPart) {
        try {
            return Long.parseLong(keyPart);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    static String encode(List<String> keyParts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keyParts).getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException invalidCursor() {
        return ApiException.invalid("cursor", "validation.cursor");
    }
}
