package nl.wijkopmaat.initiative;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.initiative.InitiativeViews.CommentView;
import nl.wijkopmaat.initiative.InitiativeViews.SupportView;

import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Draagvlak and conversation: neighbours support initiatives and comment on them; the chair of the
 * wijk and officials moderate.
 */
@Singleton
class EngagementService {

    private final InitiativeRepository initiatives;
    private final SupportRepository supports;
    private final CommentRepository comments;
    private final InitiativeService initiativeService;
    private final AccountService accounts;
    private final Authorizations authorizations;
    private final GeographyService geography;
    private final Cursors cursors;
    private final Clock clock;

    EngagementService(InitiativeRepository initiatives, SupportRepository supports, CommentRepository comments,
                      InitiativeService initiativeService, AccountService accounts, Authorizations authorizations,
                      GeographyService geography, Cursors cursors, Clock clock) {
        this.initiatives = initiatives;
        this.supports = supports;
        this.comments = comments;
        this.initiativeService = initiativeService;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.geography = geography;
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * Idempotent: supporting twice counts once, also when two requests race (the second insert finds
     * the primary key taken and changes nothing).
     */
    @Transactional
    SupportView support(UUID id, UUID resident) {
        Initiative initiative = initiativeService.lockVisible(id, resident);
        accounts.requireParticipant(resident, initiative.municipalityId());
        if (resident.equals(initiative.authorId())) {
            throw ApiException.conflict("problem.conflict.ownSupport");
        }
        if (!initiative.status().openForSupport()) {
            throw ApiException.conflict("problem.conflict.supportClosed", Map.of("status", initiative.status().name()));
        }
        int added = supports.add(id, resident, clock.instant());
        initiatives.addSupport(id, added);
        return new SupportView(initiative.supportCount() + added, true);
    }

    @Transactional
    SupportView withdrawSupport(UUID id, UUID resident) {
        Initiative initiative = initiativeService.lockVisible(id, resident);
        int removed = supports.remove(id, resident);
        initiatives.addSupport(id, -removed);
        return new SupportView(initiative.supportCount() - removed, false);
    }

    @Transactional
    Page<CommentView> comments(UUID id, @Nullable UUID viewer, PageRequest page) {
        Initiative initiative = InitiativeService.requireVisible(initiatives.findById(id).orElse(null), viewer);
        boolean moderator = viewer != null && isModerator(viewer, initiative);
        ListScope scope = ListScope.of("comments", id);
        List<Comment> rows = cursors.after(page, scope)
                .map(key -> comments.pageAfter(id, key.number(0), page.fetchSize()))
                .orElseGet(() -> comments.firstPage(id, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(Comment::authorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, c -> List.of(c.seq()), c -> CommentView.of(c, moderator, people));
    }

    @Transactional
    CommentView comment(UUID id, UUID author, String body) {
        Initiative initiative = initiativeService.lockVisible(id, author);
        if (initiative.status() == InitiativeStatus.DRAFT) {
            throw ApiException.conflict("problem.conflict.commentOnDraft");
        }
        accounts.requireParticipant(author, initiative.municipalityId());
        Instant now = clock.instant();
        Comment comment = comments.save(new Comment(UUID.randomUUID(), null, id, author, body.strip(), now, null, null, null, null));
        initiativeService.publish(initiative, InitiativeEvent.Kind.COMMENTED, author, author, null, now);
        return CommentView.of(comment, false, accounts.findByIds(Set.of(author)));
    }

    @Transactional
    void deleteComment(UUID id, UUID commentId, UUID actor) {
        InitiativeService.requireVisible(initiatives.findById(id).orElse(null), actor);
        Comment comment = comments.findByIdAndInitiativeId(commentId, id).filter(found -> found.deletedAt() == null)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.comment"));
        if (!actor.equals(comment.authorId())) {
            throw ApiException.forbidden("problem.forbidden.notCommentAuthor");
        }
        comments.markDeleted(comment.id(), clock.instant());
    }

    /** The writer is told once, when the comment becomes hidden, with the moderator's reason. */
    @Transactional
    CommentView hideComment(UUID id, UUID commentId, UUID moderator, String reason) {
        Initiative initiative = initiativeService.lockVisible(id, moderator);
        if (!isModerator(moderator, initiative)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        Comment comment = comments.findByIdAndInitiativeId(commentId, id).filter(found -> found.deletedAt() == null)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.comment"));
        Instant now = clock.instant();
        Comment hidden = comments.update(comment.hidden(moderator, reason.strip(), now));
        if (comment.hiddenAt() == null) {
            initiativeService.publish(initiative, InitiativeEvent.Kind.COMMENT_HIDDEN, moderator, comment.authorId(),
                    hidden.hiddenReason(), now);
        }
        Map<UUID, AccountRef> people = accounts.findByIds(hidden.authorId() == null ? Set.of() : Set.of(hidden.authorId()));
        return CommentView.of(hidden, true, people);
    }

    private boolean isModerator(UUID person, Initiative initiative) {
        return authorizations.has(person, Role.OFFICIAL, initiative.municipalityId())
                || geography.wijkplatformIdOf(initiative.wijkId())
                .filter(platform -> authorizations.has(person, Role.CHAIR, platform)).isPresent();
    }
}
