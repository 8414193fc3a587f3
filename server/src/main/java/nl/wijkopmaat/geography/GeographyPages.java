package nl.wijkopmaat.geography;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.common.portal.WijkPageSection.WijkPlace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkSummary;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The portal's way in: pick a municipality, then a wijk (or the wijk of a buurt), and the wijk's
 * page with what every feature has going on there ({@link WijkPageSection}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class GeographyPages {

    /** More than any municipality has; the pages list them all. */
    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    private final GeographyService geography;
    private final Layouts layouts;
    private final Places places;
    private final List<WijkPageSection> sections;

    GeographyPages(GeographyService geography, Places places, Layouts layouts, List<WijkPageSection> sections) {
        this.geography = geography;
        this.places = places;
        this.layouts = layouts;
        this.sections = sections;
    }

    @Get
    ModelAndView<Map<String, Object>> start(HttpRequest<?> request) {
        List<Place> municipalities = geography.allMunicipalities().stream()
                .map(m -> new Place(m.name(), "/" + Slugs.of(m.name())))
                .toList();
        return page("geography/start", new StartPage(layouts.of(request, "portal.start.title"), municipalities));
    }

    @Get("/{gemeente}")
    ModelAndView<Map<String, Object>> municipality(HttpRequest<?> request, String gemeente) {
        MunicipalityView municipality = places.municipality(gemeente);
        List<WijkSummary> wijken = geography.listWijken(municipality.id(), ALL).items();
        Map<UUID, List<BuurtView>> buurten = geography.buurtenOf(wijken.stream().map(WijkSummary::id).toList());
        String base = "/" + Slugs.of(municipality.name()) + "/wijken/";
        List<WijkEntry> entries = wijken.stream()
                .map(w -> new WijkEntry(new Place(w.name(), base + Slugs.of(w.name())),
                        buurten.getOrDefault(w.id(), List.of()).stream().map(BuurtView::name).toList()))
                .toList();
        Layout layout = layouts.of(request, "portal.municipality.title");
        return page("geography/municipality", new MunicipalityPage(layout.titled(municipality.name()), entries,
                "/" + Slugs.of(municipality.name()) + "/monitor"));
    }

    @Get("/{gemeente}/wijken/{wijk}")
    ModelAndView<Map<String, Object>> wijk(HttpRequest<?> request, String gemeente, String wijk,
                                           @Nullable Authentication authentication) {
        WijkPlace place = places.wijk(gemeente, wijk);
        Layout layout = layouts.of(request, "portal.wijk.title").titled(place.wijkName());
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        List<Content> parts = sections.stream().map(section -> section.section(place, layout, viewer)).toList();
        return page("geography/wijk", new WijkPage(layout, place.municipalityName(), "/" + place.municipalitySlug(), parts));
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    record Place(String name, String href) {
    }

    record StartPage(Layout layout, List<Place> municipalities) {
    }

    record WijkEntry(Place wijk, List<String> buurten) {
    }

    record MunicipalityPage(Layout layout, List<WijkEntry> wijken, String monitorHref) {
    }

    record WijkPage(Layout layout, String municipalityName, String municipalityHref, List<Content> sections) {
    }
}
