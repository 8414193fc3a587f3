package nl.wijkopmaat.volunteering;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
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
import nl.wijkopmaat.common.portal.TypedForm;
import nl.wijkopmaat.common.portal.Workspace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.volunteering.VolunteeringCommands.HoursConfirmation;
import nl.wijkopmaat.volunteering.VolunteeringCommands.HoursEntry;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityChanges;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityCreate;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftChanges;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftCreate;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityDetail;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityView;
import nl.wijkopmaat.volunteering.VolunteeringViews.ShiftView;
import nl.wijkopmaat.volunteering.VolunteeringViews.SignupView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organisers' workspace for volunteering (the chair of a wijkplatform, the officials of the
 * municipality, and whoever runs an opportunity): the wijk's opportunities, a new one and its
 * changes, its shifts added, changed and cancelled, the sign-ups of a shift and the hours confirmed
 * after it. Every form is the same service call as the API's; the service decides who may, and
 * refuses everyone else with 403, also on the pages that only read.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class VolunteeringWorkspacePages {

    static final String BASE = "/werkplek/vrijwilligerswerk";
    private static final int ROWS = 20;
    private static final String MINUTES = "minutes-";
    private static final String NO_SHOW = "noShow-";
    private static final Pattern HOURS_FIELD = Pattern.compile("volunteers\\[(\\d+)].*");

    private final VolunteeringService volunteering;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;
    private final Clock clock;

    VolunteeringWorkspacePages(VolunteeringService volunteering, GeographyService geography, Layouts layouts,
                               Validator validator, Clock clock) {
        this.volunteering = volunteering;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
        this.clock = clock;
    }

    // The list

    @Get(BASE)
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable Authentication authentication,
                                @Nullable @QueryValue UUID wijk, @Nullable @QueryValue String na) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        List<WijkDetail> wijken = wijkenOf(actor);
        UUID chosen = wijk == null ? wijken.get(0).id() : wijk;
        Page<OpportunityView> opportunities = volunteering.managed(actor, chosen, new PageRequest(ROWS, na));
        String next = opportunities.nextCursor() == null ? null
                : BASE + "?wijk=" + chosen + "&na=" + URLEncoder.encode(opportunities.nextCursor(), StandardCharsets.UTF_8);
        return HttpResponse.ok(page("volunteering/organise-list", new ListPage(layouts.of(request, "portal.organise.opportunities.title"),
                options(wijken), chosen.toString(), nameOf(wijken, chosen), opportunities.items(), next)));
    }

    // An opportunity

    @Get(BASE + "/nieuw")
    MutableHttpResponse<?> newForm(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue UUID wijk) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        List<WijkDetail> wijken = wijkenOf(Callers.accountId(authentication));
        Map<String, String> empty = Map.of("wijkId", (wijk == null ? wijken.get(0).id() : wijk).toString());
        return HttpResponse.ok(opportunityForm(request, "portal.organise.opportunity.new.title", BASE + "/nieuw", BASE,
                wijken, empty, FormErrors.none(), true));
    }

    @Post(BASE + "/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        List<WijkDetail> wijken = wijkenOf(actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        OpportunityCreate command = new OpportunityCreate(typed.text("title"), typed.textOrEmpty("description"),
                typed.uuid("wijkId"), typed.uuid("buurtId"), null, skills(typed), typed.text("minimumAgeNote"));
        FormErrors errors = typed.errorsWith(violations(command, texts), VolunteeringWorkspacePages::skillsField);
        if (errors.isEmpty()) {
            try {
                OpportunityDetail created = volunteering.create(actor, command);
                return Redirects.to(BASE + "/" + created.id() + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = typed.errorsWith(FormErrors.of(only403Thrown(refused), texts), VolunteeringWorkspacePages::skillsField);
                return HttpResponse.status(refused.status()).body(opportunityForm(request, "portal.organise.opportunity.new.title",
                        BASE + "/nieuw", BASE, wijken, form, errors, true));
            }
        }
        return HttpResponse.badRequest(opportunityForm(request, "portal.organise.opportunity.new.title", BASE + "/nieuw", BASE,
                wijken, form, errors, true));
    }

    @Get(BASE + "/{id}")
    MutableHttpResponse<?> show(HttpRequest<?> request, UUID id, @Nullable Authentication authentication, @Nullable @QueryValue String na) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        OpportunityDetail opportunity = volunteering.forRunner(id, actor);
        Page<ShiftView> shifts = volunteering.shifts(id, actor, new PageRequest(ROWS, na));
        Instant now = clock.instant();
        String next = shifts.nextCursor() == null ? null
                : BASE + "/" + id + "?na=" + URLEncoder.encode(shifts.nextCursor(), StandardCharsets.UTF_8) + "#diensten";
        Layout layout = layouts.of(request, "portal.organise.opportunity.title").titled(opportunity.title());
        return HttpResponse.ok(page("volunteering/organise-detail", new DetailPage(layout, opportunity,
                shifts.items().stream().map(shift -> new ShiftRow(shift, VolunteeringPages.phase(shift, now))).toList(), next,
                request.getParameters().contains("opgeslagen"))));
    }

    @Get(BASE + "/{id}/wijzigen")
    MutableHttpResponse<?> changeForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        OpportunityDetail opportunity = volunteering.forRunner(id, Callers.accountId(authentication));
        return HttpResponse.ok(changeForm(request, opportunity, formOf(opportunity), FormErrors.none()));
    }

    @Post(BASE + "/{id}/wijzigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        OpportunityDetail opportunity = volunteering.forRunner(id, actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        OpportunityChanges changes = new OpportunityChanges(typed.textOrEmpty("title"), typed.textOrEmpty("description"),
                typed.uuid("buurtId"), null, skills(typed), typed.textOrEmpty("minimumAgeNote"),
                typed.choice("status", OpportunityStatus.class));
        FormErrors errors = typed.errorsWith(violations(changes, texts), VolunteeringWorkspacePages::skillsField);
        if (errors.isEmpty()) {
            try {
                volunteering.update(id, actor, changes);
                return Redirects.to(BASE + "/" + id + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = typed.errorsWith(FormErrors.of(only403Thrown(refused), texts), VolunteeringWorkspacePages::skillsField);
                return HttpResponse.status(refused.status()).body(changeForm(request, opportunity, form, errors));
            }
        }
        return HttpResponse.badRequest(changeForm(request, opportunity, form, errors));
    }

    // Shifts

    @Get(BASE + "/{id}/diensten/nieuw")
    MutableHttpResponse<?> newShiftForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        OpportunityDetail opportunity = volunteering.forRunner(id, Callers.accountId(authentication));
        return HttpResponse.ok(shiftForm(request, opportunity, null, Map.of(), FormErrors.none()));
    }

    @Post(BASE + "/{id}/diensten/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addShift(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                    @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        OpportunityDetail opportunity = volunteering.forRunner(id, actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        LocalDate day = typed.date("date");
        ShiftCreate command = new ShiftCreate(typed.at(day, "startTime"), typed.at(day, "endTime"),
                typed.wholeNumber("capacity"), typed.text("place"));
        FormErrors errors = typed.errorsWith(violations(command, texts), VolunteeringWorkspacePages::timeField);
        if (errors.isEmpty()) {
            try {
                ShiftView shift = volunteering.addShift(id, actor, command);
                return Redirects.to(shiftHref(id, shift.id()) + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = typed.errorsWith(FormErrors.of(only403Thrown(refused), texts), VolunteeringWorkspacePages::timeField);
                return HttpResponse.status(refused.status()).body(shiftForm(request, opportunity, null, form, errors));
            }
        }
        return HttpResponse.badRequest(shiftForm(request, opportunity, null, form, errors));
    }

    @Get(BASE + "/{id}/diensten/{shiftId}")
    MutableHttpResponse<?> shift(HttpRequest<?> request, UUID id, UUID shiftId, @Nullable Authentication authentication,
                                 @Nullable @QueryValue String na) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(shiftPage(request, id, shiftId, Callers.accountId(authentication), na, Map.of(), FormErrors.none()));
    }

    @Get(BASE + "/{id}/diensten/{shiftId}/wijzigen")
    MutableHttpResponse<?> changeShiftForm(HttpRequest<?> request, UUID id, UUID shiftId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        OpportunityDetail opportunity = volunteering.forRunner(id, actor);
        ShiftView shift = shiftOf(id, shiftId, actor);
        return HttpResponse.ok(shiftForm(request, opportunity, shift, formOf(shift), FormErrors.none()));
    }

    @Post(BASE + "/{id}/diensten/{shiftId}/wijzigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeShift(HttpRequest<?> request, UUID id, UUID shiftId, @Nullable Authentication authentication,
                                       @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        OpportunityDetail opportunity = volunteering.forRunner(id, actor);
        ShiftView shift = shiftOf(id, shiftId, actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        LocalDate day = typed.date("date");
        ShiftChanges changes = new ShiftChanges(unlessSame(typed.at(day, "startTime"), shift.startsAt()),
                unlessSame(typed.at(day, "endTime"), shift.endsAt()), typed.wholeNumber("capacity"), typed.textOrEmpty("place"));
        FormErrors errors = typed.errorsWith(violations(changes, texts), VolunteeringWorkspacePages::timeField);
        if (errors.isEmpty()) {
            try {
                volunteering.changeShift(shiftId, actor, changes);
                return Redirects.to(shiftHref(id, shiftId) + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = typed.errorsWith(FormErrors.of(only403Thrown(refused), texts), VolunteeringWorkspacePages::timeField);
                return HttpResponse.status(refused.status()).body(shiftForm(request, opportunity, shift, form, errors));
            }
        }
        return HttpResponse.badRequest(shiftForm(request, opportunity, shift, form, errors));
    }

    @Post(BASE + "/{id}/diensten/{shiftId}/annuleren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancelShift(HttpRequest<?> request, UUID id, UUID shiftId, @Nullable Authentication authentication,
                                       @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        volunteering.forRunner(id, actor);
        shiftOf(id, shiftId, actor);
        try {
            volunteering.cancelShift(shiftId, actor);
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status()).body(shiftPage(request, id, shiftId, actor, null, Map.of(),
                    FormErrors.of(only403Thrown(refused), layouts.texts(request))));
        }
        return Redirects.to(shiftHref(id, shiftId) + "?opgeslagen=1");
    }

    @Post(BASE + "/{id}/diensten/{shiftId}/uren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> confirmHours(HttpRequest<?> request, UUID id, UUID shiftId, @Nullable Authentication authentication,
                                        @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        volunteering.forRunner(id, actor);
        shiftOf(id, shiftId, actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        List<HoursEntry> entries = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String field : form.keySet()) {
            UUID volunteer = field.startsWith(MINUTES) ? idIn(field, MINUTES) : null;
            if (volunteer == null) {
                continue;
            }
            Integer minutes = typed.wholeNumber(field);
            boolean noShow = typed.checked(NO_SHOW + volunteer);
            if (minutes != null || noShow) {
                entries.add(new HoursEntry(volunteer, minutes, noShow ? Boolean.TRUE : null));
                fields.add(field);
            }
        }
        String cursor = typed.text("na");
        FormErrors errors = typed.errors();
        if (errors.isEmpty() && entries.isEmpty()) {
            errors = FormErrors.general(texts.t("portal.organise.hours.none"));
        }
        UnaryOperator<String> rename = field -> {
            Matcher entry = HOURS_FIELD.matcher(field);
            return entry.matches() && Integer.parseInt(entry.group(1)) < fields.size()
                    ? fields.get(Integer.parseInt(entry.group(1))) : field;
        };
        if (errors.isEmpty()) {
            HoursConfirmation confirmation = new HoursConfirmation(entries);
            errors = TypedForm.renamed(violations(confirmation, texts), rename);
            if (errors.isEmpty()) {
                try {
                    volunteering.confirmHours(shiftId, actor, confirmation);
                    return Redirects.to(shiftHref(id, shiftId) + "?opgeslagen=1#aanmeldingen");
                } catch (ApiException refused) {
                    return HttpResponse.status(refused.status()).body(shiftPage(request, id, shiftId, actor, cursor, form,
                            TypedForm.renamed(FormErrors.of(only403Thrown(refused), texts), rename)));
                }
            }
        }
        return HttpResponse.badRequest(shiftPage(request, id, shiftId, actor, cursor, form, errors));
    }

    // Helpers

    /** The wijken the person runs volunteering in; someone who does nowhere has no workspace here (403). */
    private List<WijkDetail> wijkenOf(UUID actor) {
        List<WijkDetail> wijken = volunteering.managedWijken(actor);
        if (wijken.isEmpty()) {
            throw ApiException.forbidden("problem.forbidden.volunteering.organiser");
        }
        return wijken;
    }

    /** A refusal of the role is the portal's 403 page, never the form of someone who may not do this. */
    private static ApiException only403Thrown(ApiException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN) {
            throw refused;
        }
        return refused;
    }

    /** A shift is handled from its own opportunity's pages only: another's shift in the address is not found. */
    private ShiftView shiftOf(UUID opportunityId, UUID shiftId, UUID actor) {
        ShiftView shift = volunteering.shift(shiftId, actor);
        if (!shift.opportunityId().equals(opportunityId)) {
            throw ApiException.notFound("problem.notFound.shift");
        }
        return shift;
    }

    private ModelAndView<Map<String, Object>> shiftPage(HttpRequest<?> request, UUID id, UUID shiftId, UUID actor,
                                                         @Nullable String cursor, Map<String, String> form, FormErrors errors) {
        OpportunityDetail opportunity = volunteering.forRunner(id, actor);
        ShiftView shift = shiftOf(id, shiftId, actor);
        Page<SignupView> signups = volunteering.signups(shiftId, actor, new PageRequest(ROWS, cursor));
        String next = signups.nextCursor() == null ? null
                : shiftHref(id, shiftId) + "?na=" + URLEncoder.encode(signups.nextCursor(), StandardCharsets.UTF_8) + "#aanmeldingen";
        Layout layout = layouts.of(request, "portal.organise.shift.title");
        return page("volunteering/organise-shift", new ShiftPage(layout, opportunity, new ShiftRow(shift, VolunteeringPages.phase(shift, clock.instant())),
                signups.items(), cursor, next, form, errors, request.getParameters().contains("opgeslagen")));
    }

    private ModelAndView<Map<String, Object>> opportunityForm(HttpRequest<?> request, String titleCode, String action, String back,
                                                               List<WijkDetail> wijken, Map<String, String> form,
                                                               FormErrors errors, boolean creating) {
        List<Option> buurten = wijken.stream().flatMap(w -> w.buurten().stream()
                .map(b -> Option.of(b.id().toString(), b.name() + " (" + w.name() + ")"))).toList();
        return page("volunteering/organise-form", new OpportunityFormPage(layouts.of(request, titleCode), action, back, form,
                options(wijken), buurten, statuses(layouts.texts(request)), errors, creating));
    }

    private ModelAndView<Map<String, Object>> changeForm(HttpRequest<?> request, OpportunityDetail opportunity,
                                                          Map<String, String> form, FormErrors errors) {
        List<Option> buurten = geography.getWijk(opportunity.wijkId()).buurten().stream()
                .map(b -> Option.of(b.id().toString(), b.name())).toList();
        Layout layout = layouts.of(request, "portal.organise.opportunity.change.title").titled(
                layouts.texts(request).t("portal.organise.change.heading", "title", opportunity.title()));
        return page("volunteering/organise-form", new OpportunityFormPage(layout, BASE + "/" + opportunity.id() + "/wijzigen",
                BASE + "/" + opportunity.id(), form, List.of(), buurten, statuses(layouts.texts(request)), errors, false));
    }

    private ModelAndView<Map<String, Object>> shiftForm(HttpRequest<?> request, OpportunityDetail opportunity,
                                                         @Nullable ShiftView shift, Map<String, String> form, FormErrors errors) {
        String action = shift == null ? BASE + "/" + opportunity.id() + "/diensten/nieuw"
                : shiftHref(opportunity.id(), shift.id()) + "/wijzigen";
        String back = shift == null ? BASE + "/" + opportunity.id() : shiftHref(opportunity.id(), shift.id());
        Layout layout = layouts.of(request, shift == null ? "portal.organise.shift.new.title" : "portal.organise.shift.change.title");
        return page("volunteering/organise-shift-form", new ShiftFormPage(layout, opportunity, action, back, form, errors,
                shift == null));
    }

    private FormErrors violations(Object command, Texts texts) {
        var violations = validator.validate(command);
        return violations.isEmpty() ? FormErrors.none()
                : FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), texts);
    }

    /** Skills typed as a list with commas; none typed is none. */
    private static List<String> skills(TypedForm typed) {
        String typedSkills = typed.text("skills");
        return typedSkills == null ? List.of() : Arrays.stream(typedSkills.split(","))
                .map(String::strip).filter(skill -> !skill.isEmpty()).toList();
    }

    /** Each skill's own check is told beside the one field of all skills. */
    private static String skillsField(String field) {
        return field.startsWith("skills[") ? "skills" : field;
    }

    private static String timeField(String field) {
        return switch (field) {
            case "startsAt" -> "startTime";
            case "endsAt" -> "endTime";
            default -> field;
        };
    }

    private static @Nullable UUID idIn(String field, String prefix) {
        try {
            return UUID.fromString(field.substring(prefix.length()));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** Null (unchanged) when the form shows the time the shift has, to the minute the form shows. */
    private static @Nullable Instant unlessSame(@Nullable Instant typed, Instant current) {
        return typed == null || typed.equals(current.truncatedTo(ChronoUnit.MINUTES)) ? null : typed;
    }

    static String shiftHref(UUID opportunityId, UUID shiftId) {
        return BASE + "/" + opportunityId + "/diensten/" + shiftId;
    }

    private static Map<String, String> formOf(OpportunityDetail opportunity) {
        Map<String, String> form = new HashMap<>();
        form.put("title", opportunity.title());
        form.put("description", opportunity.description());
        form.put("buurtId", opportunity.buurtId() == null ? "" : opportunity.buurtId().toString());
        form.put("skills", String.join(", ", opportunity.skills()));
        form.put("minimumAgeNote", opportunity.minimumAgeNote() == null ? "" : opportunity.minimumAgeNote());
        form.put("status", opportunity.status().name());
        return form;
    }

    private static Map<String, String> formOf(ShiftView shift) {
        return Map.of("date", TypedForm.dateOf(shift.startsAt()), "startTime", TypedForm.timeOf(shift.startsAt()),
                "endTime", TypedForm.timeOf(shift.endsAt()), "capacity", String.valueOf(shift.capacity()),
                "place", shift.place() == null ? "" : shift.place());
    }

    private static List<Option> statuses(Texts texts) {
        return Arrays.stream(OpportunityStatus.values())
                .map(s -> Option.of(s.name(), texts.t("portal.volunteering.status." + s.name()))).toList();
    }

    private static List<Option> options(List<WijkDetail> wijken) {
        return wijken.stream().map(w -> Option.of(w.id().toString(), w.name())).toList();
    }

    private static String nameOf(List<WijkDetail> wijken, UUID wijk) {
        return wijken.stream().filter(w -> w.id().equals(wijk)).map(WijkDetail::name).findFirst().orElse("");
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    record ListPage(Layout layout, List<Option> wijken, String wijk, String wijkName, List<OpportunityView> opportunities,
                    @Nullable String next) {

        String href(OpportunityView opportunity) {
            return BASE + "/" + opportunity.id();
        }

        boolean choosing() {
            return wijken.size() > 1;
        }
    }

    record OpportunityFormPage(Layout layout, String action, String back, Map<String, String> form, List<Option> wijken,
                               List<Option> buurten, List<Option> statuses, FormErrors errors, boolean creating) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record DetailPage(Layout layout, OpportunityDetail opportunity, List<ShiftRow> shifts, @Nullable String next,
                      boolean saved) {

        String href() {
            return BASE + "/" + opportunity.id();
        }

        boolean open() {
            return opportunity.status() == OpportunityStatus.OPEN;
        }

        String shiftHref(ShiftRow row) {
            return VolunteeringWorkspacePages.shiftHref(opportunity.id(), row.shift().id());
        }

        String coordinatorNames(String unknown) {
            return opportunity.coordinators().stream().map(c -> c.displayName() == null ? unknown : c.displayName())
                    .collect(Collectors.joining(", "));
        }
    }

    record ShiftRow(ShiftView shift, ShiftPhase phase) {

        boolean upcoming() {
            return phase == ShiftPhase.UPCOMING;
        }

        boolean past() {
            return phase == ShiftPhase.PAST;
        }
    }

    record ShiftFormPage(Layout layout, OpportunityDetail opportunity, String action, String back, Map<String, String> form,
                         FormErrors errors, boolean creating) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record ShiftPage(Layout layout, OpportunityDetail opportunity, ShiftRow row, List<SignupView> signups,
                     @Nullable String cursor, @Nullable String next, Map<String, String> form, FormErrors errors,
                     boolean saved) {

        String href() {
            return VolunteeringWorkspacePages.shiftHref(opportunity.id(), row.shift().id());
        }

        String opportunityHref() {
            return BASE + "/" + opportunity.id();
        }

        /** Hours are confirmed for the volunteers whose account still exists. */
        boolean confirmable(SignupView signup) {
            return row.past() && signup.volunteer() != null;
        }

        String minutesField(SignupView signup) {
            return MINUTES + signup.volunteer().id();
        }

        String noShowField(SignupView signup) {
            return NO_SHOW + signup.volunteer().id();
        }

        /** What the form shows: what was posted, else what was confirmed. */
        String minutesOf(SignupView signup) {
            if (!form.isEmpty()) {
                return form.getOrDefault(minutesField(signup), "");
            }
            return signup.minutes() == null ? "" : String.valueOf(signup.minutes());
        }

        boolean noShowOf(SignupView signup) {
            if (!form.isEmpty()) {
                return form.containsKey(noShowField(signup));
            }
            return signup.outcome() == HoursOutcome.NO_SHOW;
        }

        String nameOf(SignupView signup, String unknown) {
            return signup.volunteer() == null || signup.volunteer().displayName() == null ? unknown
                    : signup.volunteer().displayName();
        }
    }

    /** "Vrijwilligerswerk organiseren" on /werkplek, for whoever publishes and runs opportunities somewhere. */
    @Singleton
    static class OrganiserWorkspace implements Workspace {

        private final VolunteeringService volunteering;

        OrganiserWorkspace(VolunteeringService volunteering) {
            this.volunteering = volunteering;
        }

        @Override
        public int getOrder() {
            return 40;
        }

        @Override
        public List<Entry> entriesFor(UUID accountId, Texts texts) {
            List<WijkDetail> wijken = volunteering.managedWijken(accountId);
            if (wijken.isEmpty()) {
                return List.of();
            }
            return List.of(new Entry(texts.t("portal.organise.opportunities.workspace"),
                    texts.t("portal.organise.opportunities.workspace.text",
                            "wijken", wijken.stream().map(WijkDetail::name).collect(Collectors.joining(", "))), BASE));
        }
    }
}
