package nl.wijkopmaat.wijkplatform;

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
import jakarta.validation.Validator;
import nl.wijkopmaat.account.AssignedRole;
import nl.wijkopmaat.account.Invitation;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.wijkplatform.Member.MemberList;
import nl.wijkopmaat.wijkplatform.MembershipCommands.MemberAssignment;
import nl.wijkopmaat.wijkplatform.MembershipCommands.MembersUpdate;
import nl.wijkopmaat.wijkplatform.MembershipCommands.WijkplatformUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A wijkplatform in the admin workspace, {@code /werkplek/beheer/{municipalityId}/wijkplatforms/{id}}:
 * its chair and secretary (chosen from the municipality's people or by address; an address without
 * an account gets an invitation, as the service does) and its contact address. The same service calls
 * as the API's {@code PUT /members} and {@code PATCH}.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class AdminWijkplatformPages {

    private static final String BASE = "/werkplek/beheer/";
    /** The form's fields for the two board roles, in the order they are sent to the service. */
    private static final List<Map.Entry<String, Role>> BOARD_FIELDS =
            List.of(Map.entry("chairEmail", Role.CHAIR), Map.entry("secretaryEmail", Role.SECRETARY));

    private final MembershipService membership;
    private final GeographyService geography;
    private final RoleAssignmentService roles;
    private final Layouts layouts;
    private final Validator validator;

    AdminWijkplatformPages(MembershipService membership, GeographyService geography, RoleAssignmentService roles,
                           Layouts layouts, Validator validator) {
        this.membership = membership;
        this.geography = geography;
        this.roles = roles;
        this.layouts = layouts;
        this.validator = validator;
    }

    @Get(BASE + "{municipalityId}/wijkplatforms/{wijkplatformId}")
    MutableHttpResponse<?> show(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId,
                                @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(page(request, Callers.accountId(authentication), municipalityId, wijkplatformId, null,
                FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/wijkplatforms/{wijkplatformId}/bestuur")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> replaceBoard(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId,
                                        @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        requirePlatformOf(municipalityId, wijkplatformId);
        Texts texts = layouts.texts(request);
        List<MemberAssignment> members = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        FormErrors errors = FormErrors.none();
        for (Map.Entry<String, Role> board : BOARD_FIELDS) {
            String typed = form.getOrDefault(board.getKey(), "").strip();
            if (typed.isEmpty()) {
                continue;
            }
            MemberAssignment assignment = new MemberAssignment(typed, board.getValue());
            var violations = validator.validate(assignment);
            if (!violations.isEmpty()) {
                String field = board.getKey();
                errors = errors.and(FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), texts).entries().stream()
                        .map(entry -> FormErrors.field(field, entry.message())).reduce(FormErrors.none(), FormErrors::and));
            }
            members.add(assignment);
            fields.add(board.getKey());
        }
        if (errors.isEmpty()) {
            try {
                membership.replace(actor, wijkplatformId, new MembersUpdate(members));
                return Redirects.to(BASE + municipalityId + "/wijkplatforms/" + wijkplatformId + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = besideMembers(refused, fields, texts);
            }
        }
        return HttpResponse.badRequest(page(request, actor, municipalityId, wijkplatformId, form, errors));
    }

    @Post(BASE + "{municipalityId}/wijkplatforms/{wijkplatformId}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeContact(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId,
                                         @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        requirePlatformOf(municipalityId, wijkplatformId);
        String typed = form.getOrDefault("contactEmail", "").strip();
        WijkplatformUpdate update = new WijkplatformUpdate(typed.isEmpty() ? null : typed);
        var violations = validator.validate(update);
        FormErrors errors = violations.isEmpty() ? FormErrors.none()
                : FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), layouts.texts(request));
        if (errors.isEmpty()) {
            try {
                membership.changeContact(actor, wijkplatformId, update);
                return Redirects.to(BASE + municipalityId + "/wijkplatforms/" + wijkplatformId + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = refusalOf(refused, layouts.texts(request));
            }
        }
        return HttpResponse.badRequest(page(request, actor, municipalityId, wijkplatformId, form, errors));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, UUID actor, UUID municipalityId,
                                                   UUID wijkplatformId, @Nullable Map<String, String> typed,
                                                   FormErrors errors) {
        MunicipalityView municipality = geography.administered(actor, municipalityId);
        WijkplatformView platform = requirePlatformOf(municipalityId, wijkplatformId);
        MemberList members = membership.members(actor, wijkplatformId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("chairEmail", current(members, Role.CHAIR));
        form.put("secretaryEmail", current(members, Role.SECRETARY));
        form.put("contactEmail", platform.contactEmail() == null ? "" : platform.contactEmail());
        if (typed != null) {
            typed.forEach((field, value) -> {
                if (form.containsKey(field)) {
                    form.put(field, value);
                }
            });
        }
        Set<String> people = new LinkedHashSet<>();
        members.items().forEach(member -> people.add(member.email()));
        roles.staff(actor, municipalityId, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(AssignedRole::email).forEach(people::add);
        Layout layout = layouts.of(request, "portal.admin.platform.title").titled(platform.name());
        return new ModelAndView<>("wijkplatform/adminplatform", Map.of("page", new PlatformPage(layout, municipality,
                BASE + municipalityId, platform, members, List.copyOf(people), form, errors,
                request.getParameters().contains("opgeslagen"))));
    }

    /** The holder's address, else the address invited to the role, else nothing. */
    private static String current(MemberList members, Role role) {
        return members.items().stream().filter(member -> member.role() == role).map(Member::email).findFirst()
                .or(() -> members.invitations().stream().filter(invitation -> invitation.role() == role)
                        .map(Invitation::email).findFirst())
                .orElse("");
    }

    private WijkplatformView requirePlatformOf(UUID municipalityId, UUID wijkplatformId) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        if (!platform.municipalityId().equals(municipalityId)) {
            throw ApiException.notFound("problem.notFound.wijkplatform");
        }
        return platform;
    }

    /** The service names {@code members[i].email}; here that is the field the i-th address was typed in. */
    private static FormErrors besideMembers(ApiException refused, List<String> fields, Texts texts) {
        FormErrors all = refusalOf(refused, texts);
        FormErrors mapped = FormErrors.none();
        for (int i = 0; i < refused.invalidParams().size(); i++) {
            InvalidParam param = refused.invalidParams().get(i);
            String name = param.name();
            String field = null;
            for (int index = 0; index < fields.size(); index++) {
                if (name.startsWith("members[" + index + "]")) {
                    field = fields.get(index);
                }
            }
            String message = all.entries().get(i).message();
            mapped = mapped.and(field == null ? FormErrors.general(message) : FormErrors.field(field, message));
        }
        return refused.invalidParams().isEmpty() ? all : mapped;
    }

    /** A refusal of the person (403) or of the place (404) is the portal's error page, not a form error. */
    private static FormErrors refusalOf(ApiException refused, Texts texts) {
        if (refused.status().getCode() == 403 || refused.status().getCode() == 404) {
            throw refused;
        }
        return FormErrors.of(refused, texts);
    }

    record PlatformPage(Layout layout, MunicipalityView municipality, String base, WijkplatformView platform,
                        MemberList members, List<String> people, Map<String, String> form, FormErrors errors,
                        boolean saved) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }
}
