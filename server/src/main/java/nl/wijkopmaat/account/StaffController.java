package nl.wijkopmaat.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.account.AccountCommands.StaffAssignmentCreate;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;

import java.net.URI;
import java.util.UUID;

/**
 * The municipality's officials and admins, managed by its admins.
 */
@Controller("/api/v1/municipalities/{municipalityId}/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
class StaffController {

    private final RoleAssignmentService roles;

    StaffController(RoleAssignmentService roles) {
        this.roles = roles;
    }

    @Get
    Page<AssignedRole> list(@PathVariable UUID municipalityId, @Valid @RequestBean PageRequest page,
                            Authentication authentication) {
        return roles.staff(Callers.accountId(authentication), municipalityId, page);
    }

    /** 201 with the assignment, or 202 with the invitation to an address without a verified account. */
    @Post
    @Idempotent
    HttpResponse<Object> assign(@PathVariable UUID municipalityId, @Valid @Body StaffAssignmentCreate command,
                                Authentication authentication) {
        StaffAssignment result = roles.assignStaff(Callers.accountId(authentication), municipalityId,
                command.email(), command.role());
        if (result instanceof StaffAssignment.Assigned assigned) {
            return HttpResponse.created((Object) assigned.role(),
                    URI.create("/api/v1/municipalities/" + municipalityId + "/staff/" + assigned.role().id()));
        }
        return HttpResponse.accepted().body(((StaffAssignment.Invited) result).invitation());
    }

    @Delete("/{assignmentId}")
    @Status(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID municipalityId, @PathVariable UUID assignmentId, Authentication authentication) {
        roles.revokeStaff(Callers.accountId(authentication), municipalityId, assignmentId);
    }
}
