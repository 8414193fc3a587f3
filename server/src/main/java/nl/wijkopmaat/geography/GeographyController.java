package nl.wijkopmaat.geography;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyCommands.BuurtCreate;
import nl.wijkopmaat.geography.GeographyCommands.BuurtUpdate;
import nl.wijkopmaat.geography.GeographyCommands.WijkCreate;
import nl.wijkopmaat.geography.GeographyCommands.WijkUpdate;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.geography.GeographyViews.WijkSummary;

import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class GeographyController {

    private final GeographyService geography;

    GeographyController(GeographyService geography) {
        this.geography = geography;
    }

    @Get("/municipalities")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<MunicipalityView> listMunicipalities(@Valid @RequestBean PageRequest page) {
        return geography.listMunicipalities(page);
    }

    @Get("/municipalities/{municipalityId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MunicipalityView getMunicipality(@PathVariable UUID municipalityId) {
        return geography.getMunicipality(municipalityId);
    }

    @Get("/municipalities/{municipalityId}/wijken")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<WijkSummary> listWijken(@PathVariable UUID municipalityId, @Valid @RequestBean PageRequest page) {
        return geography.listWijken(municipalityId, page);
    }

    @Post("/municipalities/{municipalityId}/wijken")
    @Idempotent
    HttpResponse<WijkDetail> createWijk(@PathVariable UUID municipalityId, @Valid @Body WijkCreate command,
                                        Authentication authentication) {
        WijkDetail wijk = geography.createWijk(Callers.accountId(authentication), municipalityId, command);
        return HttpResponse.created(wijk, UriBuilder.of("/api/v1/wijken").path(wijk.id().toString()).build());
    }

    @Get("/wijken/{wijkId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    WijkDetail getWijk(@PathVariable UUID wijkId) {
        return geography.getWijk(wijkId);
    }

    @Patch("/wijken/{wijkId}")
    WijkDetail renameWijk(@PathVariable UUID wijkId, @Valid @Body WijkUpdate update, Authentication authentication) {
        return geography.renameWijk(Callers.accountId(authentication), wijkId, update.name());
    }

    @Post("/wijken/{wijkId}/buurten")
    @Idempotent
    HttpResponse<BuurtView> createBuurt(@PathVariable UUID wijkId, @Valid @Body BuurtCreate command,
                                        Authentication authentication) {
        BuurtView buurt = geography.createBuurt(Callers.accountId(authentication), wijkId, command);
        return HttpResponse.created(buurt, UriBuilder.of("/api/v1/buurten").path(buurt.id().toString()).build());
    }

    @Get("/buurten/{buurtId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    BuurtView getBuurt(@PathVariable UUID buurtId) {
        return geography.getBuurt(buurtId);
    }

    @Patch("/buurten/{buurtId}")
    BuurtView renameBuurt(@PathVariable UUID buurtId, @Valid @Body BuurtUpdate update, Authentication authentication) {
        return geography.renameBuurt(Callers.accountId(authentication), buurtId, update.name());
    }
}
