package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

import java.util.UUID;

/**
 * The filters of {@code GET /challenges}: a municipality, a wijk, a status, the caller's own
 * proposals (drafts included), or a work queue: what waits on the caller as official (eligibility,
 * assessment, agreement, overdue reports) or as chair (advice).
 */
@Introspected
record ChallengeListQuery(
        @QueryValue @Nullable UUID municipality,
        @QueryValue @Nullable UUID wijk,
        @QueryValue @Nullable ChallengeStatus status,
        @QueryValue @Nullable Boolean mine,
        @QueryValue @Nullable Awaiting awaiting) {

    /** A work queue: the proposals that wait for a step of the caller's role. */
    enum Awaiting {
        /** Intakes waiting for the official's eligibility check. */
        ELIGIBILITY,
        /** Plans waiting for the chair's advice. */
        ADVICE,
        /** Advised plans, plans whose advice period is over, and assessments waiting for a decision. */
        ASSESSMENT,
        /** Accepted proposals without an agreement. */
        AGREEMENT,
        /** Proposals in execution with a reporting moment passed without its report. */
        OVERDUE_REPORTS
    }

    boolean onlyMine() {
        return Boolean.TRUE.equals(mine);
    }
}
