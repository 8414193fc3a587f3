package nl.wijkopmaat.initiative;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.Theme;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Option;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.common.portal.WijkPageSection.WijkPlace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.Places;
import nl.wijkopmaat.initiative.InitiativeListQuery.Sort;
import nl.wijkopmaat.initiative.InitiativeViews.InitiativeView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The initiatives of a wijk: the newest on the wijk's page, and all of them on a list of their own
 * with the API's filters (status, theme, buurt, order) and keyset pages. Drafts and whatever else
 * the viewer may not see are left out by the service, as in {@code GET /initiatives}.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class InitiativeListPages {

    /** The names of the filters in the list's address, in Dutch like its path. */
    static final String STATUS = "status";
    static final String THEME = "thema";
    static final String BUURT = "buurt";
    static final String ORDER = "volgorde";
    static final String FROM = "vanaf";

    private static final Map<String, Sort> ORDERS = Map.of("nieuwste", Sort.NEWEST, "steun", Sort.SUPPORT);

    private final InitiativeService initiatives;
    private final GeographyService geography;
    private final Places places;
    private final Layouts layouts;

    InitiativeListPages(InitiativeService initiatives, GeographyService geography, Places places, Layouts layouts) {
        this.initiatives = initiatives;
        this.geography = geography;
        this.places = places;
        this.layouts = layouts;
    }

    @Get("/{gemeente}/wijken/{wijk}/initiatieven")
    MutableHttpResponse<?> list(HttpRequest<?> request, String gemeente, String wijk, @Nullable Authentication authentication) {
        WijkPlace place = places.wijk(gemeente, wijk);
        Texts texts = layouts.texts(request);
        List<BuurtView> buurten = geography.getWijk(place.wijkId()).buurten();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String name : List.of(STATUS, THEME, BUURT, ORDER)) {
            request.getParameters().getFirst(name).filter(value -> !value.isBlank()).ifPresent(value -> chosen.put(name, value));
        }
        Filters filters = Filters.of(texts, buurten, chosen, "/" + gemeente + "/wijken/" + wijk + "/initiatieven");
        Layout layout = layouts.of(request, "portal.initiatives.title").titled(texts.t("portal.initiatives.title", "wijk",
                place.wijkName()));
        if (!filters.errors().isEmpty()) {
            return HttpResponse.badRequest(page(new ListPage(layout, place, filters, List.of(), null)));
        }
        String cursor = request.getParameters().getFirst(FROM).filter(value -> !value.isBlank()).orElse(null);
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        Page<InitiativeView> found = initiatives.list(filters.query(place.wijkId()), viewer,
                new PageRequest(PageRequest.DEFAULT_LIMIT, cursor));
        String next = found.nextCursor() == null ? null : filters.href(found.nextCursor());
        return HttpResponse.ok(page(new ListPage(layout, place, filters, found.items(), next)));
    }

    private static ModelAndView<Map<String, Object>> page(ListPage model) {
        return new ModelAndView<>("initiative/list", Map.of("page", model));
    }

    record ListPage(Layout layout, WijkPlace wijk, Filters filters, List<InitiativeView> initiatives, @Nullable String nextHref) {

        String wijkHref() {
            return Places.wijkPath(wijk);
        }

        String hrefBase() {
            return "/" + wijk.municipalitySlug() + "/initiatieven/";
        }
    }

    /**
     * The filter form and what was chosen in it: the choices the API offers, each value read strictly
     * (an unknown status or buurt is named beside its field, never ignored).
     */
    record Filters(String action, Map<String, String> chosen, List<Option> statuses, List<Option> themes,
                   List<Option> buurten, List<Option> orders, FormErrors errors) {

        static Filters of(Texts texts, List<BuurtView> buurten, Map<String, String> chosen, String action) {
            List<Option> statuses = Arrays.stream(InitiativeStatus.values())
                    .filter(status -> status != InitiativeStatus.DRAFT)
                    .map(status -> Option.of(status.name(), texts.t("portal.status." + status.name())))
                    .toList();
            List<Option> themes = Arrays.stream(Theme.values())
                    .map(theme -> Option.of(theme.name(), texts.t("portal.theme." + theme.name())))
                    .toList();
            List<Option> buurtOptions = buurten.stream().map(b -> Option.of(b.id().toString(), b.name())).toList();
            List<Option> orders = List.of(Option.of("nieuwste", texts.t("portal.initiatives.order.newest")),
                    Option.of("steun", texts.t("portal.initiatives.order.support")));
            FormErrors errors = FormErrors.none();
            String unknown = texts.t("portal.form.unknownChoice");
            for (var check : List.of(Map.entry(STATUS, statuses), Map.entry(THEME, themes), Map.entry(BUURT, buurtOptions),
                    Map.entry(ORDER, orders))) {
                String value = chosen.get(check.getKey());
                if (value != null && check.getValue().stream().noneMatch(option -> option.value().equals(value))) {
                    errors = errors.and(FormErrors.field(check.getKey(), unknown));
                }
            }
            return new Filters(action, chosen, statuses, themes, buurtOptions, orders, errors);
        }

        String value(String name) {
            return chosen.getOrDefault(name, "");
        }

        boolean any() {
            return !chosen.isEmpty();
        }

        InitiativeListQuery query(UUID wijkId) {
            String buurt = chosen.get(BUURT);
            String status = chosen.get(STATUS);
            String theme = chosen.get(THEME);
            return new InitiativeListQuery(wijkId, buurt == null ? null : UUID.fromString(buurt),
                    status == null ? null : InitiativeStatus.valueOf(status), theme == null ? null : Theme.valueOf(theme),
                    null, null, null, ORDERS.get(chosen.getOrDefault(ORDER, "nieuwste")));
        }

        /** The list with these filters, from the page after this cursor. */
        String href(String cursor) {
            List<String> parts = new ArrayList<>(chosen.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .toList());
            parts.add(FROM + "=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            return action + "?" + parts.stream().collect(Collectors.joining("&"));
        }
    }

    /** The initiatives of a wijk on its page: the newest twenty the viewer may see, and the filters of the full list. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private static final int SHOWN = 20;

        private final InitiativeService initiatives;
        private final GeographyService geography;
        private final Templates templates;

        WijkSection(InitiativeService initiatives, GeographyService geography, Templates templates) {
            this.initiatives = initiatives;
            this.geography = geography;
            this.templates = templates;
        }

        @Override
        public int getOrder() {
            return 20;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            List<InitiativeView> shown = initiatives.list(new InitiativeListQuery(wijk.wijkId(), null, null, null, null, null, null, null),
                    viewer, PageRequest.first(SHOWN)).items();
            Filters filters = Filters.of(layout.texts(), geography.getWijk(wijk.wijkId()).buurten(), Map.of(),
                    Places.wijkPath(wijk) + "/initiatieven");
            return templates.content("initiative/section", Map.of("section",
                    new Section(layout, shown, "/" + wijk.municipalitySlug() + "/initiatieven/", filters)));
        }
    }

    record Section(Layout layout, List<InitiativeView> initiatives, String hrefBase, Filters filters) {
    }
}
