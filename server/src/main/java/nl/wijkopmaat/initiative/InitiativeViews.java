package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.PersonRef;
import nl.wijkopmaat.common.Theme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

final class InitiativeViews {

    private InitiativeViews() {
    }

    @Serdeable
    record InitiativeView(UUID id, String title, String description, Theme theme, UUID municipalityId, UUID wijkId,
                          @Nullable UUID buurtId, @Nullable String locationText, @Nullable BigDecimal latitude,
                          @Nullable BigDecimal longitude, long requestedBudgetCents, InitiativeStatus status,
                          @Nullable PersonRef author, @Nullable PersonRef owner, @Nullable LocalDate answerDueDate,
                          @Nullable String resultReport, int supportCount, boolean supportedByMe, Instant createdAt,
                          Instant updatedAt, @Nullable Instant submittedAt, @Nullable OriginView origin) {

        static InitiativeView of(Initiative i, boolean supportedByMe, Map<UUID, AccountRef> people) {
            return new InitiativeView(i.id(), i.title(), i.description(), i.theme(), i.municipalityId(), i.wijkId(),
                    i.buurtId(), i.locationText(), i.latitude(), i.longitude(), i.requestedBudgetCents(), i.status(),
                    PersonRef.of(i.authorId(), people), PersonRef.of(i.ownerId(), people), i.answerDueDate(),
                    i.resultReport(), i.supportCount(), supportedByMe, i.createdAt(), i.updatedAt(), i.submittedAt(),
                    i.originActionPointId() == null || i.originDialoogtafelId() == null ? null
                            : new OriginView(i.originDialoogtafelId(), i.originActionPointId()));
        }
    }

    /** The action point of a dialoogtafel's report that the initiative was made from. */
    @Serdeable
    record OriginView(UUID dialoogtafelId, UUID actionPointId) {
    }

    @Serdeable
    record StatusChangeView(UUID id, InitiativeTransition action, InitiativeStatus fromStatus,
                            InitiativeStatus toStatus, @Nullable PersonRef actor, @Nullable String reason, Instant changedAt) {

        /** {@code reason} as the reader reads it: the person's words, or the system's explanation in their language. */
        static StatusChangeView of(StatusChange change, Map<UUID, AccountRef> people, @Nullable String reason) {
            return new StatusChangeView(change.id(), change.action(), change.fromStatus(), change.toStatus(),
                    PersonRef.of(change.actorId(), people), reason, change.changedAt());
        }
    }

    @Serdeable
    record ReviewView(UUID id, ReviewDecision decision, @Nullable String reason, @Nullable PersonRef reviewer,
                      Instant reviewedAt) {

        static ReviewView of(Review review, Map<UUID, AccountRef> people) {
            return new ReviewView(review.id(), review.decision(), review.reason(), PersonRef.of(review.reviewerId(), people),
                    review.reviewedAt());
        }
    }

    /** A hidden comment keeps its place in the conversation but shows no text to residents. */
    @Serdeable
    record CommentView(UUID id, @Nullable PersonRef author, @Nullable String body, boolean hidden,
                       @Nullable String hiddenReason, Instant createdAt) {

        static CommentView of(Comment comment, boolean moderator, Map<UUID, AccountRef> people) {
            boolean hidden = comment.hiddenAt() != null;
            return new CommentView(comment.id(), PersonRef.of(comment.authorId(), people),
                    hidden && !moderator ? null : comment.body(), hidden, comment.hiddenReason(), comment.createdAt());
        }
    }

    @Serdeable
    record SupportView(int supportCount, boolean supportedByMe) {
    }

    /**
     * An initiative as those who handle it see it in their workspace, with the steps this person may
     * take in it now (the service still decides when they take one).
     */
    record Handling(InitiativeView initiative, boolean mayAssignOwner, boolean mayReview) {
    }
}
