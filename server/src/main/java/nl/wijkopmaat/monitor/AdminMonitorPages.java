package nl.wijkopmaat.monitor;

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
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Option;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.monitor.MonitorCommands.InhabitantsRequest;
import nl.wijkopmaat.monitor.MonitorCommands.TargetRequest;
import nl.wijkopmaat.monitor.MonitorViews.MonitorSettings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The monitor in a municipality's admin workspace: the inhabitants of its wijken and buurten per year
 * ({@code PUT /inhabitants}) and the targets the monitor sets its figures against
 * ({@code PUT /monitor-targets/{indicator}}), percentages typed with a decimal comma or point.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class AdminMonitorPages {

    private static final String BASE = "/werkplek/beheer/";
    private static final String WIJK = "wijk:";
    private static final String BUURT = "buurt:";

    private final MonitorService monitor;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;

    AdminMonitorPages(MonitorService monitor, GeographyService geography, Layouts layouts, Validator validator) {
        this.monitor = monitor;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
    }

    @Get(BASE + "{municipalityId}/monitor")
    MutableHttpResponse<?> show(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(page(request, Callers.accountId(authentication), municipalityId, Map.of(), FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/monitor/doelen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> putTarget(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication,
                                     @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        Parsed parsed = new Parsed(form, texts);
        String indicator = parsed.choice("indicator", TargetIndicator.values());
        Comparison comparison = parsed.enumValue("comparison", Comparison.values());
        TargetRequest command = new TargetRequest(comparison, parsed.percent("targetPercent"), parsed.date("startDate"));
        FormErrors errors = parsed.errors().and(violations(command, texts));
        if (indicator == null && !parsed.unreadable("indicator")) {
            errors = errors.and(FormErrors.field("indicator", texts.t("validation.NotNull")));
        }
        if (errors.isEmpty()) {
            try {
                monitor.putTarget(actor, municipalityId, indicator, command);
                return Redirects.to(BASE + municipalityId + "/monitor?opgeslagen=1");
            } catch (ApiException refused) {
                errors = refusalOf(refused, texts);
            }
        }
        return HttpResponse.badRequest(page(request, actor, municipalityId, form, errors));
    }

    @Post(BASE + "{municipalityId}/monitor/inwoners")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> putInhabitants(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication,
                                          @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        Parsed parsed = new Parsed(form, texts);
        String area = form.getOrDefault("area", "").strip();
        UUID areaId = parsed.area(area);
        InhabitantsRequest command = new InhabitantsRequest(parsed.number("year"), parsed.number("inhabitants"),
                parsed.number("households"), null);
        FormErrors errors = parsed.errors().and(violations(command, texts));
        if (errors.isEmpty()) {
            try {
                if (area.startsWith(WIJK)) {
                    requireWijkOf(municipalityId, areaId);
                    monitor.putWijkInhabitants(actor, areaId, command);
                } else {
                    requireBuurtOf(municipalityId, areaId);
                    monitor.putBuurtInhabitants(actor, areaId, command);
                }
                return Redirects.to(BASE + municipalityId + "/monitor?opgeslagen=1");
            } catch (ApiException refused) {
                errors = refusalOf(refused, texts);
            }
        }
        return HttpResponse.badRequest(page(request, actor, municipalityId, form, errors));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, UUID actor, UUID municipalityId,
                                                   Map<String, String> form, FormErrors errors) {
        MonitorSettings settings = monitor.settings(actor, municipalityId);
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        List<WijkDetail> wijken = geography.wijkenOf(municipalityId);
        Texts texts = layouts.texts(request);
        Map<UUID, String> areaNames = new HashMap<>();
        List<Option> areas = new ArrayList<>();
        for (WijkDetail wijk : wijken) {
            areaNames.put(wijk.id(), wijk.name());
            areas.add(Option.of(WIJK + wijk.id(), texts.t("portal.admin.monitor.area.wijk", "wijk", wijk.name())));
            wijk.buurten().forEach(buurt -> {
                areaNames.put(buurt.id(), texts.t("portal.admin.monitor.area.buurtOf", "buurt", buurt.name(), "wijk", wijk.name()));
                areas.add(Option.of(BUURT + buurt.id(), texts.t("portal.admin.monitor.area.buurt", "buurt", buurt.name(),
                        "wijk", wijk.name())));
            });
        }
        List<Option> indicators = Arrays.stream(TargetIndicator.values())
                .map(indicator -> Option.of(indicator.name(), texts.of("portal.admin.monitor.indicator", indicator))).toList();
        List<Option> comparisons = Arrays.stream(Comparison.values())
                .map(comparison -> Option.of(comparison.name(), texts.of("portal.admin.monitor.comparison", comparison))).toList();
        Layout layout = layouts.of(request, "portal.admin.monitor.title")
                .titled(texts.t("portal.admin.monitor.title.of", "municipality", municipality.name()));
        return new ModelAndView<>("monitor/adminsettings", Map.of("page", new SettingsPage(layout, municipality,
                BASE + municipalityId, settings, areaNames, areas, indicators, comparisons, form, errors,
                request.getParameters().contains("opgeslagen"))));
    }

    private void requireWijkOf(UUID municipalityId, UUID wijkId) {
        if (!geography.municipalityOfWijk(wijkId).filter(municipalityId::equals).isPresent()) {
            throw ApiException.notFound("problem.notFound.wijk");
        }
    }

    private void requireBuurtOf(UUID municipalityId, UUID buurtId) {
        if (geography.findBuurt(buurtId).filter(place -> place.municipalityId().equals(municipalityId)).isEmpty()) {
            throw ApiException.notFound("problem.notFound.buurt");
        }
    }

    private FormErrors violations(Object command, Texts texts) {
        var violations = validator.validate(command);
        return violations.isEmpty() ? FormErrors.none() : FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), texts);
    }

    /** A refusal of the person (403) or of the place (404) is the portal's error page, not a form error. */
    private static FormErrors refusalOf(ApiException refused, Texts texts) {
        if (refused.status().getCode() == 403 || refused.status().getCode() == 404) {
            throw refused;
        }
        return FormErrors.of(refused, texts);
    }

    /**
     * The fields as typed, with what could not be read at all (a percentage that is no number, a date
     * that is no date) beside its field; what is out of range the API's own checks say.
     */
    private static final class Parsed {

        private final Map<String, String> form;
        private final Texts texts;
        private FormErrors problems = FormErrors.none();

        Parsed(Map<String, String> form, Texts texts) {
            this.form = form;
            this.texts = texts;
        }

        boolean unreadable(String field) {
            return problems.has(field);
        }

        @Nullable
        private String text(String field) {
            String value = form.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Nullable
        <E extends Enum<E>> String choice(String field, E[] values) {
            E value = enumValue(field, values);
            return value == null ? null : value.name();
        }

        @Nullable
        <E extends Enum<E>> E enumValue(String field, E[] values) {
            String typed = text(field);
            if (typed == null) {
                return null;
            }
            return Arrays.stream(values).filter(value -> value.name().equals(typed.toUpperCase(Locale.ROOT))).findFirst()
                    .orElseGet(() -> {
                        problems = problems.and(FormErrors.field(field, texts.t("portal.form.unknownChoice")));
                        return null;
                    });
        }

        /** "20,5" or "20.5"; the API's own checks then allow one decimal and 0 to 100. */
        @Nullable
        BigDecimal percent(String field) {
            String typed = text(field);
            if (typed == null) {
                return null;
            }
            String plain = typed.replace("%", "").strip().replace(',', '.');
            if (!plain.matches("\\d+(\\.\\d+)?")) {
                problems = problems.and(FormErrors.field(field, texts.t("portal.admin.monitor.percent.invalid")));
                return null;
            }
            return new BigDecimal(plain);
        }

        @Nullable
        LocalDate date(String field) {
            String typed = text(field);
            if (typed == null) {
                return null;
            }
            try {
                return LocalDate.parse(typed);
            } catch (DateTimeParseException notADate) {
                problems = problems.and(FormErrors.field(field, texts.t("portal.admin.monitor.date.invalid")));
                return null;
            }
        }

        @Nullable
        Integer number(String field) {
            String typed = text(field);
            if (typed == null) {
                return null;
            }
            String plain = typed.replace(".", "").replace(" ", "");
            if (!plain.matches("\\d{1,9}")) {
                problems = problems.and(FormErrors.field(field, texts.t("portal.admin.monitor.number.invalid")));
                return null;
            }
            return Integer.valueOf(plain);
        }

        @Nullable
        UUID area(String typed) {
            String id = typed.startsWith(WIJK) ? typed.substring(WIJK.length())
                    : typed.startsWith(BUURT) ? typed.substring(BUURT.length()) : null;
            if (typed.isEmpty()) {
                problems = problems.and(FormErrors.field("area", texts.t("validation.NotNull")));
                return null;
            }
            try {
                return UUID.fromString(id == null ? "" : id);
            } catch (IllegalArgumentException unknown) {
                problems = problems.and(FormErrors.field("area", texts.t("portal.form.unknownChoice")));
                return null;
            }
        }

        FormErrors errors() {
            return problems;
        }
    }

    record SettingsPage(Layout layout, MunicipalityView municipality, String base, MonitorSettings settings,
                        Map<UUID, String> areaNames, List<Option> areas, List<Option> indicators, List<Option> comparisons,
                        Map<String, String> form, FormErrors errors, boolean saved) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }

        String areaName(UUID areaId) {
            return areaNames.getOrDefault(areaId, "");
        }
    }
}
