package nl.wijkopmaat.common.paging;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import nl.wijkopmaat.common.error.ApiException;

/**
 * {@code ?limit=&cursor=} of every list. The cursor is opaque to clients; {@link Cursors} makes and
 * checks it (keyset pagination: stable under inserts, no OFFSET scans).
 */
@Introspected
public record PageRequest(
        @QueryValue @Nullable @Min(1) @Max(MAX_LIMIT) Integer limit,
        @QueryValue @Nullable @Size(min = 1, max = 500) String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public int size() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** Rows a page query fetches: one more than the page shows, to tell whether a next page exists. */
    public int fetchSize() {
        return size() + 1;
    }

    static ApiException invalidCursor() {
        return ApiException.invalid("cursor", "validation.cursor");
    }
}
