package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.initiative.InitiativeCommands.Content;
import nl.wijkopmaat.initiative.InitiativeCommands.ContentChanges;
import nl.wijkopmaat.initiative.InitiativeCommands.OwnerAssignment;
import nl.wijkopmaat.initiative.InitiativeCommands.ReviewRequest;
import nl.wijkopmaat.initiative.InitiativeCommands.StatusChangeRequest;
import nl.wijkopmaat.initiative.InitiativeViews.InitiativeView;
import nl.wijkopmaat.initiative.InitiativeViews.ReviewView;
import nl.wijkopmaat.initiative.InitiativeViews.StatusChangeView;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class InitiativeController {

    private final InitiativeService initiatives;
    private final Messages messages;

    InitiativeController(InitiativeService initiatives, Messages messages) {
        this.initiatives = initiatives;
        this.messages = messages;
    }

    private static @Nullable UUID viewer(@Nullable Authentication authentication) {
        return authentication == null ? null : Callers.accountId(authentication);
    }

    @Get("/initiatives")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<InitiativeView> list(@Valid @RequestBean InitiativeListQuery query, @Valid @RequestBean PageRequest page,
                              @Nullable Authentication authentication) {
        return initiatives.list(query, viewer(authentication), page);
    }

    @Post("/initiatives")
    @Idempotent
    HttpResponse<InitiativeView> create(@Valid @Body Content content, Authentication authentication) {
        InitiativeView created = initiatives.create(Callers.accountId(authentication), content);
        return HttpResponse.created(created, URI.create("/api/v1/initiatives/" + created.id()));
    }

    @Get("/initiatives/{initiativeId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    InitiativeView get(@PathVariable UUID initiativeId, @Nullable Authentication authentication) {
        return initiatives.get(initiativeId, viewer(authentication));
    }

    @Patch("/initiatives/{initiativeId}")
    InitiativeView update(@PathVariable UUID initiativeId, @Valid @Body ContentChanges changes,
                          Authentication authentication) {
        return initiatives.update(initiativeId, Callers.accountId(authentication), changes);
    }

    @Get("/initiatives/{initiativeId}/status-changes")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<StatusChangeView> history(@PathVariable UUID initiativeId, @Valid @RequestBean PageRequest page,
                                   HttpRequest<?> request, @Nullable Authentication authentication) {
        return initiatives.history(initiativeId, viewer(authentication), page, messages.locale(request));
    }

    @Post("/initiatives/{initiativeId}/status-changes")
    @Idempotent
    HttpResponse<StatusChangeView> changeStatus(@PathVariable UUID initiativeId, @Valid @Body StatusChangeRequest request,
                                                Authentication authentication) {
        StatusChangeView change = initiatives.changeStatus(initiativeId, Callers.accountId(authentication), request);
        return HttpResponse.created(change, URI.create("/api/v1/initiatives/" + initiativeId + "/status-changes"));
    }

    @Put("/initiatives/{initiativeId}/owner")
    InitiativeView assignOwner(@PathVariable UUID initiativeId, @Valid @Body OwnerAssignment assignment,
                               Authentication authentication) {
        return initiatives.assignOwner(initiativeId, Callers.accountId(authentication), assignment.ownerId());
    }

    @Get("/initiatives/{initiativeId}/reviews")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<ReviewView> reviews(@PathVariable UUID initiativeId, @Valid @RequestBean PageRequest page,
                             @Nullable Authentication authentication) {
        return initiatives.reviews(initiativeId, viewer(authentication), page);
    }

    @Post("/initiatives/{initiativeId}/reviews")
    @Idempotent
    HttpResponse<ReviewView> review(@PathVariable UUID initiativeId, @Valid @Body ReviewRequest request,
                                    Authentication authentication) {
        ReviewView review = initiatives.review(initiativeId, Callers.accountId(authentication), request);
        return HttpResponse.created(review, URI.create("/api/v1/initiatives/" + initiativeId + "/reviews"));
    }

    @Get("/municipalities/{municipalityId}/overdue-initiatives")
    Page<InitiativeView> overdue(@PathVariable UUID municipalityId, @QueryValue @Nullable UUID wijk,
                                 @Valid @RequestBean PageRequest page, Authentication authentication) {
        return initiatives.overdue(Callers.accountId(authentication), municipalityId, wijk, page);
    }
}
