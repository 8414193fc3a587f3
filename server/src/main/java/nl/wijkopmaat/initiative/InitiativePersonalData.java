package nl.wijkopmaat.initiative;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.Map;
import java.util.UUID;

/**
 * A person's initiatives, supports, comments, reviews and lifecycle actions. On erasure the
 * published initiatives and comments stay for the neighbourhood, without the person; drafts and
 * supports go.
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
                        .map(i -> Map.of("id", i.id(), "title", i.title(), "description", i.description(),
                                "status", i.status(), "createdAt", i.createdAt()))
                        .toList(),
                "supports", supports.supportedBy(accountId),
                "comments", comments.findByAuthorIdOrderByCreatedAt(accountId).stream()
                        .map(c -> Map.of("id", c.id(), "initiativeId", c.initiativeId(), "body", c.body(),
                                "createdAt", c.createdAt()))
                        .toList(),
                "statusChanges", statusChanges.findByActorIdOrderByChangedAt(accountId).stream()
                        .map(s -> Map.of("initiativeId", s.initiativeId(), "action", s.action(), "changedAt", s.changedAt()))
                        .toList());
    }

    @Override
    public void erase(UUID accountId) {
        comments.deleteOnDraftsOf(accountId);
        initiatives.deleteDraftHistoryOf(accountId);
        initiatives.deleteDraftsOf(accountId);
        initiatives.detachAuthor(accountId);
        comments.detachAuthor(accountId);
        supports.uncountSupportsOf(accountId);
        supports.deleteSupportsOf(accountId);
        statusChanges.detachActor(accountId);
        reviews.detachReviewer(accountId);
    }
}
