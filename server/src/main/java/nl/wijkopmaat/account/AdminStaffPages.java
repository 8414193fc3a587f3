package nl.wijkopmaat.account;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.Validator;
import nl.wijkopmaat.account.AccountCommands.StaffAssignmentCreate;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Option;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The people of a municipality's admin workspace: its officials and admins (assigned by address, an
 * address without an account invited, as {@code POST /staff} does; revoked as {@code DELETE} does),
 * the invitations waiting, and the trail of every role change in the municipality and its
 * wijkplatforms. The services decide who may read and change them.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class AdminStaffPages {

    private static final String BASE = "/werkplek/beheer/";
    private static final List<Role> STAFF_ROLES = List.of(Role.OFFICIAL, Role.ADMIN);

    private final RoleAssignmentService roles;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;

    AdminStaffPages(RoleAssignmentService roles, GeographyService geography, Layouts layouts, Validator validator) {
        this.roles = roles;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
    }

    @Get(BASE + "{municipalityId}/medewerkers")
    MutableHttpResponse<?> staff(HttpRequest<?> request, UUID municipalityId, @Nullable @QueryValue String na,
                                 @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(staffPage(request, Callers.accountId(authentication), municipalityId, na, Map.of(),
                FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/medewerkers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assign(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        String email = form.getOrDefault("email", "").strip();
        Role role = role(form.get("role"));
        FormErrors errors = role == null && !form.getOrDefault("role", "").isBlank()
                ? FormErrors.field("role", texts.t("portal.form.unknownChoice")) : FormErrors.none();
        StaffAssignmentCreate command = new StaffAssignmentCreate(email.isEmpty() ? null : email, role);
        var violations = validator.validate(command);
        if (!violations.isEmpty()) {
            errors = errors.and(FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), texts));
        }
        if (errors.isEmpty()) {
            try {
                StaffAssignment result = roles.assignStaff(actor, municipalityId, command.email(), command.role());
                return Redirects.to(BASE + municipalityId + "/medewerkers?"
                        + (result instanceof StaffAssignment.Invited ? "uitgenodigd=1" : "toegewezen=1"));
            } catch (ApiException refused) {
                errors = refusalOf(refused, "email", texts);
            }
        }
        return HttpResponse.badRequest(staffPage(request, actor, municipalityId, null, form, errors));
    }

    @Post(BASE + "{municipalityId}/medewerkers/{assignmentId}/intrekken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(HttpRequest<?> request, UUID municipalityId, UUID assignmentId,
                                  @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        try {
            roles.revokeStaff(actor, municipalityId, assignmentId);
        } catch (ApiException refused) {
            FormErrors errors = refusalOf(refused, null, layouts.texts(request));
            return HttpResponse.status(refused.status()).body(staffPage(request, actor, municipalityId, null, Map.of(), errors));
        }
        return Redirects.to(BASE + municipalityId + "/medewerkers?ingetrokken=1");
    }

    @Get(BASE + "{municipalityId}/rolwijzigingen")
    MutableHttpResponse<?> roleChanges(HttpRequest<?> request, UUID municipalityId, @Nullable @QueryValue String na,
                                       @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Page<RoleChangeView> changes = roles.roleChanges(actor, municipalityId, new PageRequest(null, na));
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        Layout layout = layouts.of(request, "portal.admin.roleChanges.title")
                .titled(layouts.texts(request).t("portal.admin.roleChanges.title.of", "municipality", municipality.name()));
        return HttpResponse.ok(new ModelAndView<>("account/adminrolechanges", Map.of("page",
                new RoleChangesPage(layout, municipality, BASE + municipalityId, changes))));
    }

    private ModelAndView<Map<String, Object>> staffPage(HttpRequest<?> request, UUID actor, UUID municipalityId,
                                                        @Nullable String cursor, Map<String, String> form, FormErrors errors) {
        Page<AssignedRole> staff = roles.staff(actor, municipalityId, new PageRequest(null, cursor));
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        Texts texts = layouts.texts(request);
        Layout layout = layouts.of(request, "portal.admin.staff.title")
                .titled(texts.t("portal.admin.staff.title.of", "municipality", municipality.name()));
        List<Option> roleOptions = STAFF_ROLES.stream()
                .map(role -> Option.of(role.name(), texts.of("portal.admin.role", role))).toList();
        String notice = request.getParameters().contains("uitgenodigd") ? "portal.admin.staff.invited"
                : request.getParameters().contains("toegewezen") ? "portal.admin.staff.assigned"
                : request.getParameters().contains("ingetrokken") ? "portal.admin.staff.revoked" : null;
        return new ModelAndView<>("account/adminstaff", Map.of("page", new StaffPage(layout, municipality,
                BASE + municipalityId, staff, roles.invitations(municipalityId, STAFF_ROLES), roleOptions, form, errors,
                notice == null ? null : texts.t(notice))));
    }

    @Nullable
    private static Role role(@Nullable String typed) {
        return STAFF_ROLES.stream().filter(role -> typed != null && role.name().equals(typed.strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    /**
     * A refusal of the form shown beside the field it concerns (an address already holding the role is
     * the address's); a refusal of the person (403) or of the place (404) is the portal's error page.
     */
    private static FormErrors refusalOf(ApiException refused, @Nullable String field, Texts texts) {
        if (refused.status().getCode() == 403 || refused.status().getCode() == 404) {
            throw refused;
        }
        FormErrors errors = FormErrors.of(refused, texts);
        return field != null && refused.invalidParams().isEmpty()
                ? FormErrors.field(field, errors.entries().get(0).message()) : errors;
    }

    record StaffPage(Layout layout, MunicipalityView municipality, String base, Page<AssignedRole> staff,
                     List<Invitation> invitations, List<Option> roles, Map<String, String> form, FormErrors errors,
                     @Nullable String notice) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }

        @Nullable
        String nextHref() {
            return staff.nextCursor() == null ? null
                    : base + "/medewerkers?na=" + URLEncoder.encode(staff.nextCursor(), StandardCharsets.UTF_8);
        }
    }

    record RoleChangesPage(Layout layout, MunicipalityView municipality, String base, Page<RoleChangeView> changes) {

        @Nullable
        String nextHref() {
            return changes.nextCursor() == null ? null
                    : base + "/rolwijzigingen?na=" + URLEncoder.encode(changes.nextCursor(), StandardCharsets.UTF_8);
        }
    }
}
