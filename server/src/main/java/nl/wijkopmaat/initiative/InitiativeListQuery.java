package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import nl.wijkopmaat.common.Theme;

import java.util.UUID;

/** The filters and order of {@code GET /initiatives}. */
@Introspected
record InitiativeListQuery(
        @QueryValue @Nullable UUID wijk,
        @QueryValue @Nullable UUID buurt,
        @QueryValue @Nullable InitiativeStatus status,
        @QueryValue @Nullable Theme theme,
        @QueryValue @Nullable Boolean mine,
        @QueryValue @Nullable Boolean supportedByMe,
        @QueryValue @Nullable Sort sort) {

    enum Sort { NEWEST, SUPPORT }

    Sort order() {
        return sort == null ? Sort.NEWEST : sort;
    }

    boolean onlyMine() {
        return Boolean.TRUE.equals(mine);
    }

    boolean onlySupportedByMe() {
        return Boolean.TRUE.equals(supportedByMe);
    }
}
