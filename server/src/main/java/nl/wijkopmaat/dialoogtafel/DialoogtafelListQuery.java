package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import nl.wijkopmaat.common.Theme;

import java.time.Instant;
import java.util.UUID;

/**
 * The filters of {@code GET /dialoogtafels}: a wijk, a buurt, a theme, and tables starting from a
 * moment (now when not given) and before another.
 */
@Introspected
record DialoogtafelListQuery(
        @QueryValue @Nullable UUID wijk,
        @QueryValue @Nullable UUID buurt,
        @QueryValue @Nullable Theme theme,
        @QueryValue @Nullable Instant from,
        @QueryValue @Nullable Instant to) {
}
