package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The filters of {@code GET /volunteer-opportunities}: a wijk, a skill wanted, opportunities with a
 * shift from a moment on; with {@code matchMe} the open opportunities of the caller's municipality,
 * best fit to their profile first.
 */
@Introspected
record OpportunityListQuery(
        @QueryValue @Nullable UUID wijk,
        @QueryValue @Nullable @Pattern(regexp = Skills.PATTERN) String skill,
        @QueryValue @Nullable Instant from,
        @QueryValue @Nullable Boolean matchMe) {

    boolean matching() {
        return Boolean.TRUE.equals(matchMe);
    }

    @Nullable
    String skillTag() {
        return skill == null ? null : skill.strip().toLowerCase(Locale.ROOT);
    }
}
