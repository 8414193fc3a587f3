package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in a proposal's history. A step the system took has no actor and explains itself with
 * {@code reasonCode}, rendered in the reader's language; a person's reason is {@code reason}.
 */
@MappedEntity("challenge_status_change")
record ChallengeStatusChange(@Id UUID id, @GeneratedValue @Nullable Long seq, UUID challengeId, ChallengeAction action,
                             ChallengeStatus fromStatus, ChallengeStatus toStatus, @Nullable UUID actorId,
                             @Nullable String reason, @Nullable String reasonCode, Instant changedAt) {
}
