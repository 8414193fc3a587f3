package nl.wijkopmaat.volunteering;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityDetail;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityView;
import nl.wijkopmaat.volunteering.VolunteeringViews.ShiftView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The volunteering pages of the portal: the wijk's open opportunities on its page, and an
 * opportunity's own page with its shifts, where a signed-in resident signs up for a shift or gives
 * the place back. Every form is the same service call as the API's; the service decides who may.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class VolunteeringPages {

    /** Shifts shown on an opportunity's page, as many as the API shows with it. */
    private static final PageRequest SHIFTS = PageRequest.first(VolunteeringService.SHOWN);

    private final VolunteeringService volunteering;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Clock clock;

    VolunteeringPages(VolunteeringService volunteering, GeographyService geography, Layouts layouts, Clock clock) {
        this.volunteering = volunteering;
        this.geography = geography;
        this.layouts = layouts;
        this.clock = clock;
    }

    @Get("/{gemeente}/vrijwilligerswerk/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication) {
        return detail(request, gemeente, id, authentication, FormErrors.none());
    }

    /** The form carries only its token; an empty body binds as null, so a post without one is the CSRF check's 403. */
    @Post("/{gemeente}/vrijwilligerswerk/{id}/diensten/{shiftId}/aanmelden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signUp(HttpRequest<?> request, String gemeente, UUID id, UUID shiftId,
                                  @Nullable Authentication authentication, @Nullable @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID resident = Callers.accountId(authentication);
        requireShiftOf(id, shiftId, resident);
        try {
            volunteering.signUp(shiftId, resident);
        } catch (ApiException refused) {
            return refusal(request, gemeente, id, authentication, refused);
        }
        return Redirects.to(href(gemeente, id) + "#diensten");
    }

    @Post("/{gemeente}/vrijwilligerswerk/{id}/diensten/{shiftId}/afmelden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> leave(HttpRequest<?> request, String gemeente, UUID id, UUID shiftId,
                                 @Nullable Authentication authentication, @Nullable @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID resident = Callers.accountId(authentication);
        requireShiftOf(id, shiftId, resident);
        try {
            volunteering.leave(shiftId, resident);
        } catch (ApiException refused) {
            return refusal(request, gemeente, id, authentication, refused);
        }
        return Redirects.to(href(gemeente, id) + "#diensten");
    }

    /** A shift is acted on from its own opportunity's page only: another's shift in the address is not found. */
    private void requireShiftOf(UUID opportunityId, UUID shiftId, UUID viewer) {
        if (!volunteering.shift(shiftId, viewer).opportunityId().equals(opportunityId)) {
            throw ApiException.notFound("problem.notFound.shift");
        }
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, String gemeente, UUID id, Authentication authentication,
                                           ApiException refused) {
        return HttpResponse.status(refused.status())
                .body(detail(request, gemeente, id, authentication, FormErrors.of(refused, layouts.texts(request))));
    }

    private ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, String gemeente, UUID id,
                                                      @Nullable Authentication authentication, FormErrors errors) {
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        OpportunityDetail opportunity = volunteering.get(id, viewer);
        Instant now = clock.instant();
        List<ShiftRow> shifts = volunteering.shifts(id, viewer, SHIFTS).items().stream()
                .map(shift -> new ShiftRow(shift, phase(shift, now))).toList();
        WijkDetail wijk = geography.getWijk(opportunity.wijkId());
        Layout layout = layouts.of(request, "portal.volunteering.title").titled(opportunity.title());
        return new ModelAndView<>("volunteering/detail", Map.of("page", new DetailPage(layout, opportunity, shifts,
                wijk.name(), "/" + gemeente + "/wijken/" + Slugs.of(wijk.name()), href(gemeente, id), viewer != null, errors)));
    }

    /** The shift's phase as the service reckons it, from its status and the clock. */
    static ShiftPhase phase(ShiftView shift, Instant now) {
        if (shift.status() == ShiftStatus.CANCELLED) {
            return ShiftPhase.CANCELLED;
        }
        if (now.isBefore(shift.startsAt())) {
            return ShiftPhase.UPCOMING;
        }
        return now.isBefore(shift.endsAt()) ? ShiftPhase.RUNNING : ShiftPhase.PAST;
    }

    private static String href(String gemeente, UUID id) {
        return "/" + gemeente + "/vrijwilligerswerk/" + id;
    }

    record DetailPage(Layout layout, OpportunityDetail opportunity, List<ShiftRow> shifts, String wijkName, String wijkHref,
                      String href, boolean signedIn, FormErrors errors) {

        boolean open() {
            return opportunity.status() == OpportunityStatus.OPEN;
        }

        /** The coordinators by name, in the API's order; a removed account as {@code unknown}. */
        String coordinatorNames(String unknown) {
            return opportunity.coordinators().stream().map(c -> c.displayName() == null ? unknown : c.displayName())
                    .collect(Collectors.joining(", "));
        }

        List<ShiftRow> mine() {
            return shifts.stream().filter(row -> row.shift().signedUpByMe()).toList();
        }
    }

    record ShiftRow(ShiftView shift, ShiftPhase phase) {

        boolean upcoming() {
            return phase == ShiftPhase.UPCOMING;
        }

        String whenId() {
            return "dienst-" + shift.id();
        }
    }

    /** The newest open volunteer opportunities of the wijk, each linking to its page. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private static final int SHOWN = 10;
        /** Closed ones are passed over, so a page as large as the API gives is read to find the open ones. */
        private static final PageRequest READ = PageRequest.first(PageRequest.MAX_LIMIT);

        private final VolunteeringService volunteering;
        private final Templates templates;

        WijkSection(VolunteeringService volunteering, Templates templates) {
            this.volunteering = volunteering;
            this.templates = templates;
        }

        @Override
        public int getOrder() {
            return 40;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            List<OpportunityView> open = volunteering.list(new OpportunityListQuery(wijk.wijkId(), null, null, null), viewer, READ)
                    .items().stream().filter(o -> o.status() == OpportunityStatus.OPEN).limit(SHOWN).toList();
            return templates.content("volunteering/section", Map.of("section",
                    new Section(layout, open, "/" + wijk.municipalitySlug() + "/vrijwilligerswerk/")));
        }
    }

    record Section(Layout layout, List<OpportunityView> opportunities, String hrefBase) {
    }
}
