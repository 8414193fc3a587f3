package nl.wijkopmaat.account;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;

import java.util.UUID;

/** The officials of a municipality, for its officials and admins to choose an initiative's owner from. */
@Controller("/api/v1/municipalities/{municipalityId}/officials")
@Secured(SecurityRule.IS_AUTHENTICATED)
class OfficialController {

    private final RoleAssignmentService roles;
    private final GeographyService geography;

    OfficialController(RoleAssignmentService roles, GeographyService geography) {
        this.roles = roles;
        this.geography = geography;
    }

    @Get
    Page<Official> list(@PathVariable UUID municipalityId, @Valid @RequestBean PageRequest page,
                        Authentication authentication) {
        geography.getMunicipality(municipalityId);
        return roles.officials(Callers.accountId(authentication), municipalityId, page);
    }
}
