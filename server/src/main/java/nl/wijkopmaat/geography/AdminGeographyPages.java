package nl.wijkopmaat.geography;

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
import jakarta.validation.Validator;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.Workspace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyCommands.BuurtCreate;
import nl.wijkopmaat.geography.GeographyCommands.WijkCreate;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The admin workspace of a municipality, {@code /werkplek/beheer/{municipalityId}}: its start page,
 * linking to every section, and its wijken and buurten (create and rename, with the wijkplatform of a
 * new wijk). Every form is the same service call as the API's; the service decides who may.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class AdminGeographyPages {

    static final String BASE = "/werkplek/beheer/";

    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;

    AdminGeographyPages(GeographyService geography, Layouts layouts, Validator validator) {
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
    }

    @Get(BASE + "{municipalityId}")
    MutableHttpResponse<?> hub(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        MunicipalityView municipality = geography.administered(Callers.accountId(authentication), municipalityId);
        Layout layout = layouts.of(request, "portal.admin.title").titled(
                layouts.texts(request).t("portal.admin.title.of", "municipality", municipality.name()));
        return HttpResponse.ok(page("geography/adminhub", new HubPage(layout, municipality, BASE + municipalityId)));
    }

    @Get(BASE + "{municipalityId}/wijken")
    MutableHttpResponse<?> wijken(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(wijkenPage(request, Callers.accountId(authentication), municipalityId, Map.of(), FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/wijken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createWijk(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication,
                                      @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        WijkCreate command = new WijkCreate(text(form, "name"), text(form, "wijkplatformName"),
                text(form, "wijkplatformContactEmail"));
        FormErrors errors = violations(request, command);
        if (errors.isEmpty()) {
            try {
                WijkDetail created = geography.createWijk(actor, municipalityId, command);
                return Redirects.to(BASE + municipalityId + "/wijken/" + created.id() + "?aangemaakt=1");
            } catch (ApiException refused) {
                errors = beside("name", refused, layouts.texts(request));
            }
        }
        return HttpResponse.badRequest(wijkenPage(request, actor, municipalityId, form, errors));
    }

    @Get(BASE + "{municipalityId}/wijken/{wijkId}")
    MutableHttpResponse<?> wijk(HttpRequest<?> request, UUID municipalityId, UUID wijkId,
                                @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(wijkPage(request, Callers.accountId(authentication), municipalityId, wijkId, Map.of(),
                FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/wijken/{wijkId}/naam")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> renameWijk(HttpRequest<?> request, UUID municipalityId, UUID wijkId,
                                      @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        requireWijkOf(municipalityId, wijkId);
        GeographyCommands.WijkUpdate command = new GeographyCommands.WijkUpdate(text(form, "name"));
        FormErrors errors = violations(request, command);
        if (errors.isEmpty()) {
            try {
                geography.renameWijk(actor, wijkId, command.name());
                return Redirects.to(BASE + municipalityId + "/wijken/" + wijkId + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = beside("name", refused, layouts.texts(request));
            }
        }
        return HttpResponse.badRequest(wijkPage(request, actor, municipalityId, wijkId, form, errors));
    }

    @Post(BASE + "{municipalityId}/wijken/{wijkId}/buurten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createBuurt(HttpRequest<?> request, UUID municipalityId, UUID wijkId,
                                       @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        requireWijkOf(municipalityId, wijkId);
        BuurtCreate command = new BuurtCreate(text(form, "buurtName"));
        // The API names the field "name"; on this page that is the wijk's, so the buurt's is "buurtName".
        FormErrors errors = violations(request, command).entries().stream()
                .map(entry -> FormErrors.field("buurtName", entry.message())).reduce(FormErrors.none(), FormErrors::and);
        if (errors.isEmpty()) {
            try {
                geography.createBuurt(actor, wijkId, command);
                return Redirects.to(BASE + municipalityId + "/wijken/" + wijkId + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = beside("buurtName", refused, layouts.texts(request));
            }
        }
        return HttpResponse.badRequest(wijkPage(request, actor, municipalityId, wijkId, form, errors));
    }

    @Get(BASE + "{municipalityId}/buurten/{buurtId}")
    MutableHttpResponse<?> buurt(HttpRequest<?> request, UUID municipalityId, UUID buurtId,
                                 @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(buurtPage(request, Callers.accountId(authentication), municipalityId, buurtId, null,
                FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/buurten/{buurtId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> renameBuurt(HttpRequest<?> request, UUID municipalityId, UUID buurtId,
                                       @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        GeographyViews.BuurtPlace place = requireBuurtOf(municipalityId, buurtId);
        GeographyCommands.BuurtUpdate command = new GeographyCommands.BuurtUpdate(text(form, "name"));
        FormErrors errors = violations(request, command);
        if (errors.isEmpty()) {
            try {
                geography.renameBuurt(actor, buurtId, command.name());
                return Redirects.to(BASE + municipalityId + "/wijken/" + place.wijkId() + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = beside("name", refused, layouts.texts(request));
            }
        }
        return HttpResponse.badRequest(buurtPage(request, actor, municipalityId, buurtId, form.getOrDefault("name", ""), errors));
    }

    private ModelAndView<Map<String, Object>> wijkenPage(HttpRequest<?> request, UUID actor, UUID municipalityId,
                                                         Map<String, String> form, FormErrors errors) {
        MunicipalityView municipality = geography.administered(actor, municipalityId);
        Texts texts = layouts.texts(request);
        Layout layout = layouts.of(request, "portal.admin.wijken.title")
                .titled(texts.t("portal.admin.wijken.title.of", "municipality", municipality.name()));
        return page("geography/adminwijken", new WijkenPage(layout, municipality, BASE + municipalityId,
                geography.wijkenOf(municipalityId), form, errors));
    }

    private ModelAndView<Map<String, Object>> wijkPage(HttpRequest<?> request, UUID actor, UUID municipalityId, UUID wijkId,
                                                       Map<String, String> form, FormErrors errors) {
        MunicipalityView municipality = geography.administered(actor, municipalityId);
        WijkDetail wijk = requireWijkOf(municipalityId, wijkId);
        Layout layout = layouts.of(request, "portal.admin.wijk.title").titled(
                layouts.texts(request).t("portal.admin.wijk.title.of", "wijk", wijk.name()));
        Set<String> done = request.getParameters().names();
        return page("geography/adminwijk", new WijkPage(layout, municipality, BASE + municipalityId, wijk,
                form.getOrDefault("name", wijk.name()), form.getOrDefault("buurtName", ""), errors,
                done.contains("opgeslagen"), done.contains("aangemaakt")));
    }

    private ModelAndView<Map<String, Object>> buurtPage(HttpRequest<?> request, UUID actor, UUID municipalityId, UUID buurtId,
                                                        @Nullable String typed, FormErrors errors) {
        MunicipalityView municipality = geography.administered(actor, municipalityId);
        GeographyViews.BuurtPlace place = requireBuurtOf(municipalityId, buurtId);
        BuurtView buurt = geography.getBuurt(buurtId);
        WijkDetail wijk = geography.getWijk(place.wijkId());
        Layout layout = layouts.of(request, "portal.admin.buurt.title").titled(
                layouts.texts(request).t("portal.admin.buurt.title.of", "buurt", buurt.name()));
        return page("geography/adminbuurt", new BuurtPage(layout, municipality, BASE + municipalityId, wijk, buurt,
                typed == null ? buurt.name() : typed, errors));
    }

    /** A wijk of another municipality is not found here, whatever the reader may do there. */
    private WijkDetail requireWijkOf(UUID municipalityId, UUID wijkId) {
        WijkDetail wijk = geography.getWijk(wijkId);
        if (!wijk.municipalityId().equals(municipalityId)) {
            throw ApiException.notFound("problem.notFound.wijk");
        }
        return wijk;
    }

    private GeographyViews.BuurtPlace requireBuurtOf(UUID municipalityId, UUID buurtId) {
        return geography.findBuurt(buurtId).filter(place -> place.municipalityId().equals(municipalityId))
                .orElseThrow(() -> ApiException.notFound("problem.notFound.buurt"));
    }

    private FormErrors violations(HttpRequest<?> request, Object command) {
        var violations = validator.validate(command);
        return violations.isEmpty() ? FormErrors.none()
                : FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), layouts.texts(request));
    }

    /**
     * A refusal of the form's content shown beside the field it concerns (a name already taken is the
     * name's); a refusal of the person (403) or of the place (404) is the portal's error page.
     */
    private static FormErrors beside(String field, ApiException refused, Texts texts) {
        if (refused.status().getCode() == 403 || refused.status().getCode() == 404) {
            throw refused;
        }
        FormErrors errors = FormErrors.of(refused, texts);
        return refused.invalidParams().isEmpty() ? FormErrors.field(field, errors.entries().get(0).message()) : errors;
    }

    @Nullable
    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    record HubPage(Layout layout, MunicipalityView municipality, String base) {
    }

    record WijkenPage(Layout layout, MunicipalityView municipality, String base, List<WijkDetail> wijken,
                      Map<String, String> form, FormErrors errors) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record WijkPage(Layout layout, MunicipalityView municipality, String base, WijkDetail wijk, String name,
                    String buurtName, FormErrors errors, boolean saved, boolean created) {
    }

    record BuurtPage(Layout layout, MunicipalityView municipality, String base, WijkDetail wijk, BuurtView buurt,
                     String name, FormErrors errors) {
    }

    /** On {@code /werkplek}: "Beheer <gemeente>" for every municipality the person is an admin of. */
    @Singleton
    static class AdminWorkspace implements Workspace {

        private final RoleAssignmentService roles;
        private final GeographyService geography;

        AdminWorkspace(RoleAssignmentService roles, GeographyService geography) {
            this.roles = roles;
            this.geography = geography;
        }

        @Override
        public List<Entry> entriesFor(UUID accountId, Texts texts) {
            return roles.scopesOf(accountId, Role.ADMIN).stream()
                    .flatMap(municipalityId -> geography.findMunicipality(municipalityId).stream())
                    .map(municipality -> new Entry(texts.t("portal.admin.workspace", "municipality", municipality.name()),
                            texts.t("portal.admin.workspace.description"), BASE + municipality.id()))
                    .toList();
        }

        @Override
        public int getOrder() {
            return 90;
        }
    }
}
