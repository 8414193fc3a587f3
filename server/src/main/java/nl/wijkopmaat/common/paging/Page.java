package nl.wijkopmaat.common.paging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}.
 */
@Serdeable
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * Builds a page from a query that fetched one row more than asked for: that extra row only
     * tells whether a next page exists.
     */
    public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, List<String>> sortKey, Function<R, T> toItem) {
        boolean hasMore = rows.size() > request.size();
        List<R> pageRows = hasMore ? rows.subList(0, request.size()) : rows;
        String next = hasMore ? PageRequest.encode(sortKey.apply(pageRows.get(pageRows.size() - 1))) : null;
        return new Page<>(pageRows.stream().map(toItem).toList(), next);
    }
}
