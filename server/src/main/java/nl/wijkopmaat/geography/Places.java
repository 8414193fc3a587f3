package nl.wijkopmaat.geography;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.WijkPageSection.WijkPlace;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkSummary;

/**
 * The places of the portal's readable URLs: a municipality and a wijk by their slugs
 * ({@code /maassluis/wijken/sluispolder}), for every feature's pages.
 */
@Singleton
public class Places {

    /** More wijken than any municipality has. */
    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    private final GeographyService geography;

    Places(GeographyService geography) {
        this.geography = geography;
    }

    public MunicipalityView municipality(String slug) {
        return geography.allMunicipalities().stream()
                .filter(m -> Slugs.of(m.name()).equals(slug))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("problem.notFound.municipality"));
    }

    public WijkPlace wijk(String municipalitySlug, String wijkSlug) {
        MunicipalityView municipality = municipality(municipalitySlug);
        WijkSummary wijk = geography.listWijken(municipality.id(), ALL).items().stream()
                .filter(w -> Slugs.of(w.name()).equals(wijkSlug))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("problem.notFound.wijk"));
        return new WijkPlace(municipality.id(), Slugs.of(municipality.name()), wijk.id(), Slugs.of(wijk.name()), wijk.name(),
                wijk.wijkplatformId(), municipality.name());
    }

    /** The path of a wijk's page. */
    public static String wijkPath(WijkPlace wijk) {
        return "/" + wijk.municipalitySlug() + "/wijken/" + wijk.wijkSlug();
    }
}
