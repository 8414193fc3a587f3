package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import nl.wijkopmaat.common.Theme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("initiative")
record Initiative(
        @Id UUID id,
        UUID municipalityId,
        UUID wijkId,
        @Nullable UUID buurtId,
        @Nullable UUID authorId,
        String title,
        String description,
        Theme theme,
        @Nullable String locationText,
        @Nullable BigDecimal latitude,
        @Nullable BigDecimal longitude,
        long requestedBudgetCents,
        InitiativeStatus status,
        @Nullable UUID ownerId,
        @Nullable LocalDate answerDueDate,
        @Nullable String resultReport,
        int supportCount,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable UUID originDialoogtafelId,
        @Nullable UUID originActionPointId,
        @Version Long version) {

    Initiative withContent(InitiativeCommands.Content content, @Nullable UUID newBuurtId, Instant now) {
        return new Initiative(id, municipalityId, wijkId, newBuurtId, authorId, content.title(), content.description(),
                content.theme(), content.locationText(), content.latitude(), content.longitude(),
                content.requestedBudgetCents(), status, ownerId, answerDueDate, resultReport, supportCount, createdAt, now,
                submittedAt, originDialoogtafelId, originActionPointId, version);
    }

    Initiative withStatus(InitiativeStatus newStatus, Instant now) {
        Instant submitted = newStatus == InitiativeStatus.SUBMITTED ? now : submittedAt;
        return new Initiative(id, municipalityId, wijkId, buurtId, authorId, title, description, theme, locationText,
                latitude, longitude, requestedBudgetCents, newStatus, ownerId, answerDueDate, resultReport, supportCount,
                createdAt, now, submitted, originDialoogtafelId, originActionPointId, version);
    }

    Initiative withOwner(UUID newOwner, LocalDate dueDate, InitiativeStatus newStatus, Instant now) {
        return new Initiative(id, municipalityId, wijkId, buurtId, authorId, title, description, theme, locationText,
                latitude, longitude, requestedBudgetCents, newStatus, newOwner, dueDate, resultReport, supportCount,
                createdAt, now, submittedAt, originDialoogtafelId, originActionPointId, version);
    }

    /** Back in the queue without an owner or a term, for an official to take. */
    Initiative withoutOwner(Instant now) {
        return new Initiative(id, municipalityId, wijkId, buurtId, authorId, title, description, theme, locationText,
                latitude, longitude, requestedBudgetCents, status, null, null, resultReport, supportCount,
                createdAt, now, submittedAt, originDialoogtafelId, originActionPointId, version);
    }

    Initiative completed(String report, Instant now) {
        return new Initiative(id, municipalityId, wijkId, buurtId, authorId, title, description, theme, locationText,
                latitude, longitude, requestedBudgetCents, InitiativeStatus.COMPLETED, ownerId, answerDueDate, report,
                supportCount, createdAt, now, submittedAt, originDialoogtafelId, originActionPointId, version);
    }

    /** Never submitted (a draft, or a draft withdrawn before submission) means private to the author. */
    boolean visibleTo(@Nullable UUID viewer) {
        return submittedAt != null || (authorId != null && authorId.equals(viewer));
    }
}
