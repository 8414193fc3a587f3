package nl.wijkopmaat.dialoogtafel;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.DialoogtafelView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ReportView;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dialoogtafels of the portal: the wijk's upcoming tables on its page, and a table's own page
 * with its seats and waiting list, the calendar file, the report once published, and a seat taken
 * or given back when signed in. Every form is the same service call as the API's; the service
 * decides who may take part.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class DialoogtafelPages {

    private final DialoogtafelService dialoogtafels;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Clock clock;

    DialoogtafelPages(DialoogtafelService dialoogtafels, GeographyService geography, Layouts layouts, Clock clock) {
        this.dialoogtafels = dialoogtafels;
        this.geography = geography;
        this.layouts = layouts;
        this.clock = clock;
    }

    @Get("/{gemeente}/dialoogtafels/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication) {
        return detail(request, gemeente, id, authentication, FormErrors.none());
    }

    /** The form carries only its token; an empty body binds as null, so a post without one is the CSRF check's 403. */
    @Post("/{gemeente}/dialoogtafels/{id}/aanmelden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> register(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication,
                                    @Nullable @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        try {
            dialoogtafels.register(id, Callers.accountId(authentication));
        } catch (ApiException refused) {
            return refusal(request, gemeente, id, authentication, refused);
        }
        return Redirects.to(href(gemeente, id) + "#deelnemen");
    }

    @Post("/{gemeente}/dialoogtafels/{id}/afmelden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> unregister(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication,
                                      @Nullable @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        try {
            dialoogtafels.unregister(id, Callers.accountId(authentication));
        } catch (ApiException refused) {
            return refusal(request, gemeente, id, authentication, refused);
        }
        return Redirects.to(href(gemeente, id) + "#deelnemen");
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, String gemeente, UUID id, Authentication authentication,
                                           ApiException refused) {
        return HttpResponse.status(refused.status())
                .body(detail(request, gemeente, id, authentication, FormErrors.of(refused, layouts.texts(request))));
    }

    private ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, String gemeente, UUID id,
                                                      @Nullable Authentication authentication, FormErrors errors) {
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        DialoogtafelView table = dialoogtafels.get(id, viewer);
        WijkDetail wijk = geography.getWijk(table.wijkId());
        Layout layout = layouts.of(request, "portal.dialoogtafel.title").titled(table.title());
        return new ModelAndView<>("dialoogtafel/detail", Map.of("page", new DetailPage(layout, table, report(table),
                wijk.name(), "/" + gemeente + "/wijken/" + Slugs.of(wijk.name()), href(gemeente, id), viewer != null,
                table.status() == DialoogtafelStatus.SCHEDULED && table.startsAt().isAfter(clock.instant()), errors)));
    }

    /** The published report, read only once the table has been held: before that there is none. */
    private @Nullable ReportView report(DialoogtafelView table) {
        if (table.status() != DialoogtafelStatus.HELD) {
            return null;
        }
        try {
            return dialoogtafels.report(table.id());
        } catch (ApiException notYet) {
            if (notYet.status() == HttpStatus.NOT_FOUND) {
                return null;
            }
            throw notYet;
        }
    }

    private static String href(String gemeente, UUID id) {
        return "/" + gemeente + "/dialoogtafels/" + id;
    }

    record DetailPage(Layout layout, DialoogtafelView table, @Nullable ReportView report, String wijkName, String wijkHref,
                      String href, boolean signedIn, boolean upcoming, FormErrors errors) {

        boolean registered() {
            return table.myRegistration() != null;
        }

        boolean waiting() {
            return registered() && table.myRegistration().status() == RegistrationStatus.WAITLISTED;
        }
    }

    /** The next ten dialoogtafels of the wijk, with seats left and the calendar download. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private static final int SHOWN = 10;

        private final DialoogtafelService dialoogtafels;
        private final Templates templates;
        private final Clock clock;

        WijkSection(DialoogtafelService dialoogtafels, Templates templates, Clock clock) {
            this.dialoogtafels = dialoogtafels;
            this.templates = templates;
            this.clock = clock;
        }

        @Override
        public int getOrder() {
            return 30;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            List<DialoogtafelView> upcoming = dialoogtafels.list(new DialoogtafelListQuery(wijk.wijkId(), null, null,
                    clock.instant(), null), viewer, PageRequest.first(SHOWN)).items();
            return templates.content("dialoogtafel/section", Map.of("section",
                    new Section(layout, upcoming, "/" + wijk.municipalitySlug() + "/dialoogtafels/")));
        }
    }

    record Section(Layout layout, List<DialoogtafelView> dialoogtafels, String hrefBase) {
    }
}
