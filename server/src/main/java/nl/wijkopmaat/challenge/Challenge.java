package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A Right to Challenge proposal: what the group wants to take over, where, with which plan and
 * money, and where it is in its lifecycle. {@code seq}, its place in the order of creation, is given
 * by the database. The contact person is null only once every member's account was erased.
 */
@MappedEntity("challenge")
record Challenge(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID municipalityId,
        UUID wijkId,
        @Nullable UUID buurtId,
        String title,
        String task,
        String groupName,
        @Nullable LegalForm legalForm,
        @Nullable UUID contactId,
        String plan,
        @MappedProperty("requested_cents_year") long requestedBudgetCentsPerYear,
        String socialValue,
        String supportDescription,
        int supporterCount,
        int memberCount,
        ChallengeStatus status,
        @Nullable Instant intakeAt,
        @Nullable Instant submittedAt,
        @Nullable Instant adviceDueAt,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    Challenge withStatus(ChallengeStatus newStatus, Instant now) {
        return new Challenge(id, seq, municipalityId, wijkId, buurtId, title, task, groupName, legalForm, contactId, plan,
                requestedBudgetCentsPerYear, socialValue, supportDescription, supporterCount, memberCount, newStatus,
                newStatus == ChallengeStatus.INTAKE ? now : intakeAt,
                newStatus == ChallengeStatus.SUBMITTED ? now : submittedAt, adviceDueAt, createdAt, now, version);
    }

    /** The proposal as it is, changed now: a step that keeps its status still moves its version. */
    Challenge touched(Instant now) {
        return new Challenge(id, seq, municipalityId, wijkId, buurtId, title, task, groupName, legalForm, contactId, plan,
                requestedBudgetCentsPerYear, socialValue, supportDescription, supporterCount, memberCount, status, intakeAt,
                submittedAt, adviceDueAt, createdAt, now, version);
    }

    Challenge submitted(Instant now, Instant adviceDue) {
        return new Challenge(id, seq, municipalityId, wijkId, buurtId, title, task, groupName, legalForm, contactId, plan,
                requestedBudgetCentsPerYear, socialValue, supportDescription, supporterCount, memberCount, ChallengeStatus.SUBMITTED,
                intakeAt, now, adviceDue, createdAt, now, version);
    }

    Challenge withMembers(int count, @Nullable UUID newContact, Instant now) {
        return new Challenge(id, seq, municipalityId, wijkId, buurtId, title, task, groupName, legalForm, newContact, plan,
                requestedBudgetCentsPerYear, socialValue, supportDescription, supporterCount, count, status, intakeAt,
                submittedAt, adviceDueAt, createdAt, now, version);
    }

    Challenge withContact(UUID newContact, Instant now) {
        return new Challenge(id, seq, municipalityId, wijkId, buurtId, title, task, groupName, legalForm, newContact, plan,
                requestedBudgetCentsPerYear, socialValue, supportDescription, supporterCount, memberCount, status, intakeAt,
                submittedAt, adviceDueAt, createdAt, now, version);
    }

    Challenge withContent(String newTitle, String newTask, @Nullable UUID newBuurtId, String newGroupName,
                          @Nullable LegalForm newLegalForm, String newPlan, long newRequestedCents, String newSocialValue,
                          String newSupportDescription, int newSupporterCount, Instant now) {
        return new Challenge(id, seq, municipalityId, wijkId, newBuurtId, newTitle, newTask, newGroupName, newLegalForm,
                contactId, newPlan, newRequestedCents, newSocialValue, newSupportDescription, newSupporterCount, memberCount, status,
                intakeAt, submittedAt, adviceDueAt, createdAt, now, version);
    }
}
