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
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;

import java.net.URI;
import java.util.UUID;

/**
 * The municipality's officials and admins, managed by its admins.
 */
@Controller("/api/v1/municipalities/{municipalityId}/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
class StaffController {

    private final RoleAssignmentService roles;
    private final AccountService accounts;
    private final GeographyService geography;

    StaffController(RoleAssignmentService roles, AccountService accounts, GeographyService geography) {
        this.roles = roles;
        this.accounts = accounts;
        this.geography = geography;
    }

    @Get
    Page<AssignedRole> list(@PathVariable UUID municipalityId, @Valid @RequestBean PageRequest page,
                            Authentication authentication) {
        requireAdmin(municipalityId, authentication);
        return roles.staff(municipalityId, page);
    }

    @Post
    @Idempotent
    HttpResponse<AssignedRole> assign(@PathVariable UUID municipalityId, @Valid @Body StaffAssignmentCreate command,
                                      Authentication authentication) {
        UUID actor = requireAdmin(municipalityId, authentication);
        AccountRef person = accounts.findActiveByEmail(command.email())
                .filter(account -> account.municipalityId().equals(municipalityId))
                .orElseThrow(() -> ApiException.invalid("email", "validation.account.unknown"));
        AssignedRole assigned = roles.grantStaff(actor, municipalityId, person.id(), command.role());
        return HttpResponse.created(assigned,
                URI.create("/api/v1/municipalities/" + municipalityId + "/staff/" + assigned.id()));
    }

    @Delete("/{assignmentId}")
    @Status(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID municipalityId, @PathVariable UUID assignmentId, Authentication authentication) {
        UUID actor = requireAdmin(municipalityId, authentication);
        roles.revokeStaff(actor, municipalityId, assignmentId);
    }

    private UUID requireAdmin(UUID municipalityId, Authentication authentication) {
        geography.getMunicipality(municipalityId);
        UUID actor = Callers.accountId(authentication);
        roles.require(actor, Role.ADMIN, municipalityId);
        return actor;
    }
}
