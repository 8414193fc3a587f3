package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.initiative.InitiativeCommands.CommentRequest;
import nl.wijkopmaat.initiative.InitiativeCommands.HideRequest;
import nl.wijkopmaat.initiative.InitiativeViews.CommentView;
import nl.wijkopmaat.initiative.InitiativeViews.SupportView;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/initiatives/{initiativeId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class EngagementController {

    private final EngagementService engagement;

    EngagementController(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Post("/supports")
    SupportView support(@PathVariable UUID initiativeId, Authentication authentication) {
        return engagement.support(initiativeId, Callers.accountId(authentication));
    }

    @Delete("/supports/me")
    SupportView withdrawSupport(@PathVariable UUID initiativeId, Authentication authentication) {
        return engagement.withdrawSupport(initiativeId, Callers.accountId(authentication));
    }

    @Get("/comments")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<CommentView> comments(@PathVariable UUID initiativeId, @Valid @RequestBean PageRequest page,
                               @Nullable Authentication authentication) {
        return engagement.comments(initiativeId, authentication == null ? null : Callers.accountId(authentication), page);
    }

    @Post("/comments")
    @Idempotent
    HttpResponse<CommentView> comment(@PathVariable UUID initiativeId, @Valid @Body CommentRequest request,
                                      Authentication authentication) {
        CommentView comment = engagement.comment(initiativeId, Callers.accountId(authentication), request.body());
        return HttpResponse.created(comment, URI.create("/api/v1/initiatives/" + initiativeId + "/comments/" + comment.id()));
    }

    @Delete("/comments/{commentId}")
    @Status(HttpStatus.NO_CONTENT)
    void deleteComment(@PathVariable UUID initiativeId, @PathVariable UUID commentId, Authentication authentication) {
        engagement.deleteComment(initiativeId, commentId, Callers.accountId(authentication));
    }

    @Put("/comments/{commentId}/hidden")
    CommentView hideComment(@PathVariable UUID initiativeId, @PathVariable UUID commentId,
                            @Valid @Body HideRequest request, Authentication authentication) {
        return engagement.hideComment(initiativeId, commentId, Callers.accountId(authentication), request.reason());
    }
}
