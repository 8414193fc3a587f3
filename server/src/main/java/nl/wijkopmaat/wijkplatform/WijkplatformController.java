package nl.wijkopmaat.wijkplatform;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.wijkplatform.Member.MemberList;
import nl.wijkopmaat.wijkplatform.MembershipCommands.MembersUpdate;

import java.util.UUID;

@Controller("/api/v1/wijkplatforms/{wijkplatformId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class WijkplatformController {

    private final GeographyService geography;
    private final MembershipService membership;

    WijkplatformController(GeographyService geography, MembershipService membership) {
        this.geography = geography;
        this.membership = membership;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    WijkplatformView get(@PathVariable UUID wijkplatformId) {
        return geography.getWijkplatform(wijkplatformId);
    }

    @Get("/members")
    MemberList members(@PathVariable UUID wijkplatformId, Authentication authentication) {
        return membership.members(Callers.accountId(authentication), wijkplatformId);
    }

    @Put("/members")
    MemberList replaceMembers(@PathVariable UUID wijkplatformId, @Valid @Body MembersUpdate update,
                              Authentication authentication) {
        return membership.replace(Callers.accountId(authentication), wijkplatformId, update);
    }
}
