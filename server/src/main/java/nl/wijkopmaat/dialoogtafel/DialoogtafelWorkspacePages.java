package nl.wijkopmaat.dialoogtafel;

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
import nl.wijkopmaat.common.Theme;
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
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.ActionPointInput;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.AttendanceEntry;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.AttendanceRecord;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.Cancellation;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelChanges;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelCreate;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.PlaceInput;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.ReportContent;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ActionPointView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.DialoogtafelView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.RegistrationView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ReportView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
import java.util.stream.IntStream;

/**
 * The organisers' workspace for dialoogtafels (the chair and secretary of a wijkplatform, the
 * officials of the municipality): their wijk's tables, a new one, a change, a cancellation, the
 * registrations with the attendance, and the report with its action points. Every form is the same
 * service call as the API's; the service decides who organises, and refuses everyone else with 403,
 * also on the pages that only read.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class DialoogtafelWorkspacePages {

    static final String BASE = "/werkplek/dialoogtafels";
    private static final int ROWS = 20;
    /** The list starts this long ago, so that the tables just held are at hand for attendance and the report. */
    private static final Duration RECENT = Duration.ofDays(60);
    /** Empty rows for new action points under those the report has. */
    private static final int NEW_POINTS = 3;
    private static final int MAX_POINTS = 50;
    private static final String ATTENDANCE = "attendance-";
    private static final Pattern POINT_FIELD = Pattern.compile("actionPoints\\[(\\d+)]\\.(\\w+)");

    private final DialoogtafelService dialoogtafels;
    private final Layouts layouts;
    private final Validator validator;
    private final Clock clock;

    DialoogtafelWorkspacePages(DialoogtafelService dialoogtafels, Layouts layouts, Validator validator, Clock clock) {
        this.dialoogtafels = dialoogtafels;
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
        Page<DialoogtafelView> tables = dialoogtafels.organised(actor, chosen, clock.instant().minus(RECENT),
                new PageRequest(ROWS, na));
        String next = tables.nextCursor() == null ? null
                : BASE + "?wijk=" + chosen + "&na=" + URLEncoder.encode(tables.nextCursor(), StandardCharsets.UTF_8);
        return HttpResponse.ok(page("dialoogtafel/organise-list", new ListPage(layouts.of(request, "portal.organise.tables.title"),
                options(wijken), chosen.toString(), nameOf(wijken, chosen), tables.items(), next, clock.instant())));
    }

    // A new table

    @Get(BASE + "/nieuw")
    MutableHttpResponse<?> newForm(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue UUID wijk) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        List<WijkDetail> wijken = wijkenOf(Callers.accountId(authentication));
        Map<String, String> empty = Map.of("wijkId", (wijk == null ? wijken.get(0).id() : wijk).toString());
        return HttpResponse.ok(createForm(request, wijken, empty, FormErrors.none()));
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
        LocalDate day = typed.date("date");
        DialoogtafelCreate command = new DialoogtafelCreate(typed.text("title"), typed.textOrEmpty("description"),
                typed.choice("theme", Theme.class), typed.uuid("wijkId"), typed.uuid("buurtId"), place(typed),
                typed.text("onlineLink"), typed.at(day, "startTime"), typed.at(day, "endTime"), typed.wholeNumber("capacity"),
                typed.text("facilitatorName"));
        FormErrors errors = typed.errorsWith(violations(command, texts), DialoogtafelWorkspacePages::formField);
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(createForm(request, wijken, form, errors));
        }
        try {
            DialoogtafelView created = dialoogtafels.create(actor, command);
            return Redirects.to(BASE + "/" + created.id() + "?opgeslagen=1");
        } catch (ApiException refused) {
            return HttpResponse.status(refusedOnly403(refused).status()).body(createForm(request, wijken, form,
                    typed.errorsWith(FormErrors.of(refused, texts), DialoogtafelWorkspacePages::formField)));
        }
    }

    // One table: its registrations and the attendance

    @Get(BASE + "/{id}")
    MutableHttpResponse<?> show(HttpRequest<?> request, UUID id, @Nullable Authentication authentication, @Nullable @QueryValue String na) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(detail(request, id, Callers.accountId(authentication), na, Map.of(), FormErrors.none()));
    }

    @Post(BASE + "/{id}/aanwezigheid")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> attendance(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                      @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        List<AttendanceEntry> entries = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String field : form.keySet()) {
            UUID registration = field.startsWith(ATTENDANCE) ? registrationOf(field) : null;
            Attendance chosen = registration == null ? null : typed.choice(field, Attendance.class);
            if (chosen != null) {
                entries.add(new AttendanceEntry(registration, chosen));
                fields.add(field);
            }
        }
        String cursor = typed.text("na");
        FormErrors errors = typed.errors();
        if (errors.isEmpty() && entries.isEmpty()) {
            errors = FormErrors.general(texts.t("portal.organise.attendance.none"));
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(detail(request, id, actor, cursor, form, errors));
        }
        try {
            dialoogtafels.recordAttendance(id, actor, new AttendanceRecord(entries));
        } catch (ApiException refused) {
            UnaryOperator<String> rename = field -> {
                Matcher entry = Pattern.compile("registrations\\[(\\d+)].*").matcher(field);
                return entry.matches() && Integer.parseInt(entry.group(1)) < fields.size()
                        ? fields.get(Integer.parseInt(entry.group(1))) : field;
            };
            return HttpResponse.status(refusedOnly403(refused).status()).body(detail(request, id, actor, cursor, form,
                    TypedForm.renamed(FormErrors.of(refused, texts), rename)));
        }
        return Redirects.to(BASE + "/" + id + "?opgeslagen=1" + (cursor == null ? "" : "&na="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8)) + "#aanmeldingen");
    }

    // Changing and cancelling

    @Get(BASE + "/{id}/wijzigen")
    MutableHttpResponse<?> changeForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        DialoogtafelView table = dialoogtafels.forOrganiser(id, Callers.accountId(authentication));
        return HttpResponse.ok(changeForm(request, table, formOf(table), FormErrors.none()));
    }

    @Post(BASE + "/{id}/wijzigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        DialoogtafelView table = dialoogtafels.forOrganiser(id, actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        LocalDate day = typed.date("date");
        DialoogtafelChanges changes = new DialoogtafelChanges(typed.textOrEmpty("title"), typed.textOrEmpty("description"),
                place(typed), typed.text("onlineLink"), changed(typed.at(day, "startTime"), table.startsAt()),
                changed(typed.at(day, "endTime"), table.endsAt()), typed.wholeNumber("capacity"),
                typed.textOrEmpty("facilitatorName"));
        FormErrors errors = typed.errorsWith(violations(changes, texts), DialoogtafelWorkspacePages::formField);
        if (errors.isEmpty()) {
            try {
                dialoogtafels.update(id, actor, changes);
                return Redirects.to(BASE + "/" + id + "?opgeslagen=1");
            } catch (ApiException refused) {
                return HttpResponse.status(refusedOnly403(refused).status()).body(changeForm(request, table, form,
                        typed.errorsWith(FormErrors.of(refused, texts), DialoogtafelWorkspacePages::formField)));
            }
        }
        return HttpResponse.badRequest(changeForm(request, table, form, errors));
    }

    @Get(BASE + "/{id}/afgelasten")
    MutableHttpResponse<?> cancelForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        DialoogtafelView table = dialoogtafels.forOrganiser(id, Callers.accountId(authentication));
        return HttpResponse.ok(cancelForm(request, table, Map.of(), FormErrors.none()));
    }

    @Post(BASE + "/{id}/afgelasten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        DialoogtafelView table = dialoogtafels.forOrganiser(id, actor);
        Texts texts = layouts.texts(request);
        Cancellation cancellation = new Cancellation(new TypedForm(form, texts).text("reason"));
        FormErrors errors = violations(cancellation, texts);
        if (errors.isEmpty()) {
            try {
                dialoogtafels.cancel(id, actor, cancellation);
                return Redirects.to(BASE + "/" + id + "?opgeslagen=1");
            } catch (ApiException refused) {
                return HttpResponse.status(refusedOnly403(refused).status())
                        .body(cancelForm(request, table, form, FormErrors.of(refused, texts)));
            }
        }
        return HttpResponse.badRequest(cancelForm(request, table, form, errors));
    }

    // The report

    @Get(BASE + "/{id}/verslag")
    MutableHttpResponse<?> reportForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        DialoogtafelView table = dialoogtafels.forOrganiser(id, Callers.accountId(authentication));
        ReportView report = publishedReport(id);
        Map<String, String> form = new HashMap<>();
        List<ActionPointView> points = report == null ? List.of() : report.actionPoints();
        if (report != null) {
            form.put("summary", report.summary());
            form.put("participantCount", String.valueOf(report.participantCount()));
        }
        for (int i = 0; i < points.size(); i++) {
            form.put(point(i, "id"), points.get(i).id().toString());
            form.put(point(i, "text"), points.get(i).text());
            form.put(point(i, "takenUpBy"), points.get(i).takenUpBy());
        }
        form.put("slots", String.valueOf(Math.min(MAX_POINTS, points.size() + NEW_POINTS)));
        return HttpResponse.ok(reportForm(request, table, report != null, form, FormErrors.none()));
    }

    @Post(BASE + "/{id}/verslag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publishReport(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                         @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        DialoogtafelView table = dialoogtafels.forOrganiser(id, actor);
        Texts texts = layouts.texts(request);
        TypedForm typed = new TypedForm(form, texts);
        int slots = slots(form);
        List<ActionPointInput> points = new ArrayList<>();
        List<Integer> slotOfPoint = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            String text = typed.text(point(slot, "text"));
            String takenUpBy = typed.text(point(slot, "takenUpBy"));
            UUID kept = typed.uuid(point(slot, "id"));
            if (text != null || takenUpBy != null) {
                points.add(new ActionPointInput(kept, text, takenUpBy));
                slotOfPoint.add(slot);
            }
        }
        ReportContent content = new ReportContent(typed.text("summary"), typed.wholeNumber("participantCount"), points);
        UnaryOperator<String> rename = field -> {
            Matcher point = POINT_FIELD.matcher(field);
            if (!point.matches() || Integer.parseInt(point.group(1)) >= slotOfPoint.size()) {
                return field;
            }
            String part = "id".equals(point.group(2)) ? "text" : point.group(2);
            return point(slotOfPoint.get(Integer.parseInt(point.group(1))), part);
        };
        boolean published = publishedReport(id) != null;
        FormErrors errors = typed.errorsWith(violations(content, texts), rename);
        if (errors.isEmpty()) {
            try {
                dialoogtafels.publishReport(id, actor, content);
                return Redirects.to(BASE + "/" + id + "?opgeslagen=1");
            } catch (ApiException refused) {
                return HttpResponse.status(refusedOnly403(refused).status()).body(reportForm(request, table, published, form,
                        typed.errorsWith(FormErrors.of(refused, texts), rename)));
            }
        }
        return HttpResponse.badRequest(reportForm(request, table, published, form, errors));
    }

    // Helpers

    /** The wijken the person organises in; someone who organises nowhere has no workspace here (403). */
    private List<WijkDetail> wijkenOf(UUID actor) {
        List<WijkDetail> wijken = dialoogtafels.organisedWijken(actor);
        if (wijken.isEmpty()) {
            throw ApiException.forbidden("problem.forbidden.dialoogtafel.organiser");
        }
        return wijken;
    }

    /** A refusal of the role is the portal's 403 page, never the form of someone who may not organise. */
    private static ApiException refusedOnly403(ApiException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN) {
            throw refused;
        }
        return refused;
    }

    private ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, UUID id, UUID actor, @Nullable String cursor,
                                                      Map<String, String> form, FormErrors errors) {
        DialoogtafelView table = dialoogtafels.forOrganiser(id, actor);
        Page<RegistrationView> registrations = dialoogtafels.registrations(id, actor, new PageRequest(ROWS, cursor));
        String next = registrations.nextCursor() == null ? null
                : BASE + "/" + id + "?na=" + URLEncoder.encode(registrations.nextCursor(), StandardCharsets.UTF_8) + "#aanmeldingen";
        Layout layout = layouts.of(request, "portal.organise.table.title").titled(table.title());
        return page("dialoogtafel/organise-detail", new DetailPage(layout, table, phase(table, clock.instant()),
                registrations.items(), cursor, next, form, errors, request.getParameters().contains("opgeslagen")));
    }

    private ModelAndView<Map<String, Object>> createForm(HttpRequest<?> request, List<WijkDetail> wijken,
                                                          Map<String, String> form, FormErrors errors) {
        Texts texts = layouts.texts(request);
        List<Option> buurten = wijken.stream().flatMap(w -> w.buurten().stream()
                .map(b -> Option.of(b.id().toString(), b.name() + " (" + w.name() + ")"))).toList();
        return page("dialoogtafel/organise-form", new FormPage(layouts.of(request, "portal.organise.new.title"),
                BASE + "/nieuw", BASE, form, themes(texts), options(wijken), buurten, errors, true));
    }

    private ModelAndView<Map<String, Object>> changeForm(HttpRequest<?> request, DialoogtafelView table,
                                                          Map<String, String> form, FormErrors errors) {
        Layout layout = layouts.of(request, "portal.organise.change.title").titled(
                layouts.texts(request).t("portal.organise.change.heading", "title", table.title()));
        return page("dialoogtafel/organise-form", new FormPage(layout, BASE + "/" + table.id() + "/wijzigen",
                BASE + "/" + table.id(), form, List.of(), List.of(), List.of(), errors, false));
    }

    private ModelAndView<Map<String, Object>> cancelForm(HttpRequest<?> request, DialoogtafelView table,
                                                          Map<String, String> form, FormErrors errors) {
        Layout layout = layouts.of(request, "portal.organise.cancel.title").titled(
                layouts.texts(request).t("portal.organise.cancel.heading", "title", table.title()));
        return page("dialoogtafel/organise-cancel", new CancelPage(layout, table, form, errors));
    }

    private ModelAndView<Map<String, Object>> reportForm(HttpRequest<?> request, DialoogtafelView table, boolean published,
                                                          Map<String, String> form, FormErrors errors) {
        Layout layout = layouts.of(request, "portal.organise.report.title").titled(
                layouts.texts(request).t("portal.organise.report.heading", "title", table.title()));
        return page("dialoogtafel/organise-report", new ReportPage(layout, table, published, form, slots(form), errors));
    }

    private @Nullable ReportView publishedReport(UUID id) {
        try {
            return dialoogtafels.report(id);
        } catch (ApiException none) {
            if (none.status() == HttpStatus.NOT_FOUND) {
                return null;
            }
            throw none;
        }
    }

    private FormErrors violations(Object command, Texts texts) {
        var violations = validator.validate(command);
        return violations.isEmpty() ? FormErrors.none()
                : FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), texts);
    }

    /** The place of the form: given when its name or address is, for the service to check both. */
    private static @Nullable PlaceInput place(TypedForm typed) {
        String name = typed.text("placeName");
        String address = typed.text("placeAddress");
        return name == null && address == null ? null : new PlaceInput(name, address);
    }

    /** Null (unchanged) when the form shows the time the table has, to the minute the form shows. */
    private static @Nullable Instant changed(@Nullable Instant typed, Instant current) {
        return typed == null || typed.equals(current.truncatedTo(ChronoUnit.MINUTES)) ? null : typed;
    }

    /** The registration a field of the attendance form is about; a field of none is no entry. */
    private static @Nullable UUID registrationOf(String field) {
        try {
            return UUID.fromString(field.substring(ATTENDANCE.length()));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The command's names of fields as the form names them. */
    private static String formField(String field) {
        return switch (field) {
            case "startsAt" -> "startTime";
            case "endsAt" -> "endTime";
            case "place", "place.name" -> "placeName";
            case "place.address" -> "placeAddress";
            default -> field;
        };
    }

    private static String point(int slot, String part) {
        return "actionPoints[" + slot + "]." + part;
    }

    private static int slots(Map<String, String> form) {
        try {
            return Math.max(1, Math.min(MAX_POINTS, Integer.parseInt(form.getOrDefault("slots", String.valueOf(NEW_POINTS)))));
        } catch (NumberFormatException unreadable) {
            return NEW_POINTS;
        }
    }

    private static Map<String, String> formOf(DialoogtafelView table) {
        Map<String, String> form = new HashMap<>();
        form.put("title", table.title());
        form.put("description", table.description());
        form.put("placeName", table.place() == null ? "" : table.place().name());
        form.put("placeAddress", table.place() == null || table.place().address() == null ? "" : table.place().address());
        form.put("onlineLink", table.onlineLink() == null ? "" : table.onlineLink());
        form.put("date", TypedForm.dateOf(table.startsAt()));
        form.put("startTime", TypedForm.timeOf(table.startsAt()));
        form.put("endTime", TypedForm.timeOf(table.endsAt()));
        form.put("capacity", String.valueOf(table.capacity()));
        form.put("facilitatorName", table.facilitatorName() == null ? "" : table.facilitatorName());
        return form;
    }

    private static List<Option> themes(Texts texts) {
        return Arrays.stream(Theme.values()).map(t -> Option.of(t.name(), texts.t("portal.theme." + t.name()))).toList();
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

    /** The table's phase as the service reckons it, from its status and the clock: what its organisers may do now. */
    private static DialoogtafelPhase phase(DialoogtafelView table, Instant now) {
        if (table.status() == DialoogtafelStatus.CANCELLED) {
            return DialoogtafelPhase.CANCELLED;
        }
        if (now.isBefore(table.startsAt())) {
            return DialoogtafelPhase.UPCOMING;
        }
        return now.isBefore(table.endsAt()) ? DialoogtafelPhase.RUNNING : DialoogtafelPhase.ENDED;
    }

    record ListPage(Layout layout, List<Option> wijken, String wijk, String wijkName, List<DialoogtafelView> tables,
                    @Nullable String next, Instant now) {

        String href(DialoogtafelView table) {
            return BASE + "/" + table.id();
        }

        boolean choosing() {
            return wijken.size() > 1;
        }
    }

    record FormPage(Layout layout, String action, String back, Map<String, String> form, List<Option> themes,
                    List<Option> wijken, List<Option> buurten, FormErrors errors, boolean creating) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record DetailPage(Layout layout, DialoogtafelView table, DialoogtafelPhase phase, List<RegistrationView> registrations,
                      @Nullable String cursor, @Nullable String next, Map<String, String> form, FormErrors errors,
                      boolean saved) {

        String href() {
            return BASE + "/" + table.id();
        }

        boolean recording() {
            return phase == DialoogtafelPhase.RUNNING || phase == DialoogtafelPhase.ENDED;
        }

        boolean confirmed(RegistrationView registration) {
            return registration.status() == RegistrationStatus.CONFIRMED;
        }

        String attendanceField(RegistrationView registration) {
            return ATTENDANCE + registration.id();
        }

        /** What the form shows as chosen: what was posted, else what was recorded. */
        String attendanceOf(RegistrationView registration) {
            String posted = form.get(attendanceField(registration));
            return posted != null ? posted : registration.attendance() == null ? "" : registration.attendance().name();
        }

        String nameOf(RegistrationView registration, String unknown) {
            return registration.participant() == null || registration.participant().displayName() == null ? unknown
                    : registration.participant().displayName();
        }
    }

    record CancelPage(Layout layout, DialoogtafelView table, Map<String, String> form, FormErrors errors) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record ReportPage(Layout layout, DialoogtafelView table, boolean published, Map<String, String> form, int slots,
                      FormErrors errors) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }

        String field(int slot, String part) {
            return point(slot, part);
        }

        List<Integer> slotNumbers() {
            return IntStream.range(0, slots).boxed().toList();
        }
    }

    /** "Dialoogtafels organiseren" on /werkplek, for whoever organises tables somewhere. */
    @Singleton
    static class OrganiserWorkspace implements Workspace {

        private final DialoogtafelService dialoogtafels;

        OrganiserWorkspace(DialoogtafelService dialoogtafels) {
            this.dialoogtafels = dialoogtafels;
        }

        @Override
        public int getOrder() {
            return 30;
        }

        @Override
        public List<Entry> entriesFor(UUID accountId, Texts texts) {
            List<WijkDetail> wijken = dialoogtafels.organisedWijken(accountId);
            if (wijken.isEmpty()) {
                return List.of();
            }
            return List.of(new Entry(texts.t("portal.organise.tables.workspace"), texts.t("portal.organise.tables.workspace.text",
                    "wijken", wijken.stream().map(WijkDetail::name).collect(Collectors.joining(", "))), BASE));
        }
    }
}
