package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Pattern;
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
        @QueryValue @Nullable @Pattern(regexp = OWNER_ME) String owner,
        @QueryValue @Nullable Sort sort) {

    /** The one value of {@code owner}: the initiatives the caller answers as their owner. */
    static final String OWNER_ME = "me";

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

    boolean onlyOwnedByMe() {
        return OWNER_ME.equals(owner);
    }
}
