package nl.wijkopmaat.wijkplatform;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.wijkplatform.Member.MemberList;
import nl.wijkopmaat.wijkplatform.MembershipCommands.MembersUpdate;
import nl.wijkopmaat.wijkplatform.MembershipCommands.WijkplatformUpdate;

import java.util.UUID;

@Controller("/api/v1/wijkplatforms/{wijkplatformId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class WijkplatformController {

    private final MembershipService membership;

    WijkplatformController(MembershipService membership) {
        this.membership = membership;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    WijkplatformDetail get(@PathVariable UUID wijkplatformId) {
        return WijkplatformDetail.of(membership.board(wijkplatformId));
    }

    @Patch
    WijkplatformDetail update(@PathVariable UUID wijkplatformId, @Valid @Body WijkplatformUpdate update,
                              Authentication authentication) {
        return WijkplatformDetail.of(membership.changeContact(Callers.accountId(authentication), wijkplatformId, update));
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
