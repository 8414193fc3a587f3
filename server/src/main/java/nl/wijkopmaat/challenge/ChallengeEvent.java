package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A step was taken on a proposal, with the facts that decide who hears about it: who acted (null
 * for the system), the group's members after the step, for a new member that person, the reporting
 * moments still to report on (set when the agreement is recorded or a member joins an agreed
 * proposal), and for a report its moment. Who hears what, and when a report reminder goes out, is
 * the notification feature's rule. Published inside the transaction of the step.
 */
public record ChallengeEvent(ChallengeAction action, UUID challengeId, String title, UUID wijkId, ChallengeStatus status,
                             @Nullable UUID actorId, List<UUID> memberIds, @Nullable UUID joinedId,
                             List<LocalDate> openReportingMoments, @Nullable LocalDate reportedMoment,
                             @Nullable Instant adviceDueAt, Instant occurredAt) {

    /** Whether the proposal has ended with this step: it accepts nothing more. */
    public boolean ended() {
        return switch (status) {
            case NOT_ELIGIBLE, REJECTED, CO_CREATION, EVALUATED, WITHDRAWN -> true;
            default -> false;
        };
    }
}
