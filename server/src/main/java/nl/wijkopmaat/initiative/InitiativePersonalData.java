package nl.wijkopmaat.initiative;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's initiatives, supports, comments, reviews, lifecycle actions (with their reasons) and
 * moderation of comments. On erasure the
 * published initiatives and comments stay for the neighbourhood, without the person; what was never
 * submitted, and supports, go.
 */
@Singleton
class InitiativePersonalData implements PersonalDataContributor {

    private final InitiativeRepository initiatives;
    private final SupportRepository supports;
    private final CommentRepository comments;
    private final StatusChangeRepository statusChanges;
    private final ReviewRepository reviews;

    InitiativePersonalData(InitiativeRepository initiatives, SupportRepository supports, CommentRepository comments,
                           StatusChangeRepository statusChanges, ReviewRepository reviews) {
        this.initiatives = initiatives;
        this.supports = supports;
        this.comments = comments;
        this.statusChanges = statusChanges;
        this.reviews = reviews;
    }

    @Override
    public String section() {
        return "initiatives";
    }

    @Override
    public Object export(UUID accountId) {
        return Map.of(
                "initiatives", initiatives.findByAuthorIdOrderByCreatedAt(accountId).stream()
                        .map(InitiativePersonalData::exported)
                        .toList(),
                "supports", supports.supportedBy(accountId),
                "comments", comments.findByAuthor(accountId).stream()
                        .map(c -> Map.of("id", c.id(), "initiativeId", c.initiativeId(), "body", c.body(),
                                "createdAt", c.createdAt()))
                        .toList(),
                "statusChanges", statusChanges.findByActorIdOrderByChangedAt(accountId).stream()
                        .map(s -> Map.of("initiativeId", s.initiativeId(), "action", s.action(),
                                "reason", s.reason() == null ? "" : s.reason(), "changedAt", s.changedAt()))
                        .toList(),
                "moderation", comments.findByHiddenByOrderBySeq(accountId).stream()
                        .map(c -> Map.of("commentId", c.id(), "initiativeId", c.initiativeId(), "action", "HIDDEN",
                                "reason", c.hiddenReason() == null ? "" : c.hiddenReason(),
                                "hiddenAt", c.hiddenAt() == null ? c.createdAt() : c.hiddenAt()))
                        .toList(),
                "reviews", reviews.findByReviewerIdOrderByReviewedAt(accountId).stream()
                        .map(r -> Map.of("initiativeId", r.initiativeId(), "decision", r.decision(),
                                "reason", r.reason() == null ? "" : r.reason(), "reviewedAt", r.reviewedAt()))
                        .toList());
    }

    /** Everything the person wrote, with nulls left out (Map.of does not take them). */
    private static Map<String, Object> exported(Initiative initiative) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", initiative.id());
        fields.put("title", initiative.title());
        fields.put("description", initiative.description());
        fields.put("theme", initiative.theme());
        fields.put("wijkId", initiative.wijkId());
        fields.put("buurtId", initiative.buurtId());
        fields.put("locationText", initiative.locationText());
        fields.put("latitude", initiative.latitude());
        fields.put("longitude", initiative.longitude());
        fields.put("requestedBudgetCents", initiative.requestedBudgetCents());
        fields.put("status", initiative.status());
        fields.put("resultReport", initiative.resultReport());
        fields.put("createdAt", initiative.createdAt());
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    @Override
    public void erase(UUID accountId) {
        comments.deleteOnUnsubmittedOf(accountId);
        initiatives.deleteUnsubmittedHistoryOf(accountId);
        initiatives.deleteUnsubmittedOf(accountId);
        initiatives.detachAuthor(accountId);
        initiatives.detachOwner(accountId);
        comments.detachAuthor(accountId);
        comments.detachModerator(accountId);
        supports.uncountSupportsOf(accountId);
        supports.deleteSupportsOf(accountId);
        statusChanges.detachActor(accountId);
        reviews.detachReviewer(accountId);
    }
}
