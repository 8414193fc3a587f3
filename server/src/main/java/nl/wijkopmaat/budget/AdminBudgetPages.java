package nl.wijkopmaat.budget;

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
import nl.wijkopmaat.budget.BudgetCommands.AllocationRequest;
import nl.wijkopmaat.budget.BudgetCommands.SettingsRequest;
import nl.wijkopmaat.budget.BudgetViews.BudgetAccountView;
import nl.wijkopmaat.budget.BudgetViews.SettingsView;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.EuroAmounts;
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
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The wijkbudget in a municipality's admin workspace: the four-eyes threshold and the year-end policy
 * ({@code PUT /budget-settings}), and per wijkplatform and year the municipal amount
 * ({@code PUT /budgets/{year}}) and the year's closing ({@code POST /closing}). Amounts are typed in
 * euros with a decimal comma and kept in cents.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class AdminBudgetPages {

    private static final String BASE = "/werkplek/beheer/";

    private final BudgetService budgets;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;
    private final Clock clock;

    AdminBudgetPages(BudgetService budgets, GeographyService geography, Layouts layouts, Validator validator, Clock clock) {
        this.budgets = budgets;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
        this.clock = clock;
    }

    @Get(BASE + "{municipalityId}/wijkbudget")
    MutableHttpResponse<?> overview(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(overviewPage(request, Callers.accountId(authentication), municipalityId, null, FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/wijkbudget/instellingen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> updateSettings(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication,
                                          @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        FormErrors errors = FormErrors.none();
        Long threshold = null;
        String typedThreshold = form.getOrDefault("grantThreshold", "").strip();
        if (!typedThreshold.isEmpty()) {
            threshold = EuroAmounts.parse(typedThreshold);
            if (threshold == null) {
                errors = errors.and(FormErrors.field("grantThreshold", texts.t("portal.form.euros")));
            }
        }
        YearEndPolicy policy = Arrays.stream(YearEndPolicy.values())
                .filter(value -> value.name().equals(form.getOrDefault("yearEndPolicy", "").strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
        if (policy == null && !form.getOrDefault("yearEndPolicy", "").isBlank()) {
            errors = errors.and(FormErrors.field("yearEndPolicy", texts.t("portal.form.unknownChoice")));
        }
        SettingsRequest command = new SettingsRequest(threshold, policy);
        // Every field is checked, but a field that could not be read says only that.
        FormErrors unreadable = errors;
        errors = violations(command, texts, Map.of("grantThresholdCents", "grantThreshold")).entries().stream()
                .filter(entry -> !unreadable.has(entry.field()))
                .map(entry -> FormErrors.field(entry.field(), entry.message()))
                .reduce(unreadable, FormErrors::and);
        if (errors.isEmpty()) {
            try {
                budgets.updateSettings(actor, municipalityId, command);
                return Redirects.to(BASE + municipalityId + "/wijkbudget?opgeslagen=1");
            } catch (ApiException refused) {
                errors = refusalOf(refused, texts);
            }
        }
        return HttpResponse.badRequest(overviewPage(request, actor, municipalityId, form, errors));
    }

    @Get(BASE + "{municipalityId}/wijkbudget/{wijkplatformId}")
    MutableHttpResponse<?> thisYear(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId,
                                    @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(yearPage(request, Callers.accountId(authentication), municipalityId, wijkplatformId,
                currentYear(), null, FormErrors.none()));
    }

    @Get(BASE + "{municipalityId}/wijkbudget/{wijkplatformId}/{jaar}")
    MutableHttpResponse<?> year(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId, int jaar,
                                @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(yearPage(request, Callers.accountId(authentication), municipalityId, wijkplatformId, jaar,
                null, FormErrors.none()));
    }

    @Post(BASE + "{municipalityId}/wijkbudget/{wijkplatformId}/{jaar}/toewijzing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> allocate(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId, int jaar,
                                    @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        requirePlatformOf(municipalityId, wijkplatformId);
        Texts texts = layouts.texts(request);
        String typed = form.getOrDefault("amount", "").strip();
        Long cents = typed.isEmpty() ? null : EuroAmounts.parse(typed);
        FormErrors errors = !typed.isEmpty() && cents == null ? FormErrors.field("amount", texts.t("portal.form.euros"))
                : violations(new AllocationRequest(cents), texts, Map.of("amountCents", "amount"));
        if (errors.isEmpty()) {
            try {
                budgets.allocate(actor, wijkplatformId, jaar, cents);
                return Redirects.to(yearHref(municipalityId, wijkplatformId, jaar) + "?opgeslagen=1");
            } catch (ApiException refused) {
                errors = besideAmount(refused, texts);
            }
        }
        return HttpResponse.badRequest(yearPage(request, actor, municipalityId, wijkplatformId, jaar, typed, errors));
    }

    @Post(BASE + "{municipalityId}/wijkbudget/{wijkplatformId}/{jaar}/afsluiten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> close(HttpRequest<?> request, UUID municipalityId, UUID wijkplatformId, int jaar,
                                 @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        requirePlatformOf(municipalityId, wijkplatformId);
        try {
            budgets.close(actor, wijkplatformId, jaar);
        } catch (ApiException refused) {
            FormErrors errors = refusalOf(refused, layouts.texts(request));
            return HttpResponse.status(refused.status())
                    .body(yearPage(request, actor, municipalityId, wijkplatformId, jaar, null, errors));
        }
        return Redirects.to(yearHref(municipalityId, wijkplatformId, jaar) + "?afgesloten=1");
    }

    private ModelAndView<Map<String, Object>> overviewPage(HttpRequest<?> request, UUID actor, UUID municipalityId,
                                                           @Nullable Map<String, String> typed, FormErrors errors) {
        SettingsView settings = budgets.settingsForAdmin(actor, municipalityId);
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        Texts texts = layouts.texts(request);
        Map<String, String> form = typed != null ? typed : Map.of(
                "grantThreshold", Euros.plain(settings.grantThresholdCents()),
                "yearEndPolicy", settings.yearEndPolicy().name());
        List<Option> policies = Arrays.stream(YearEndPolicy.values())
                .map(policy -> Option.of(policy.name(), texts.of("portal.admin.budget.policy", policy))).toList();
        Layout layout = layouts.of(request, "portal.admin.budget.title")
                .titled(texts.t("portal.admin.budget.title.of", "municipality", municipality.name()));
        return new ModelAndView<>("budget/adminoverview", Map.of("page", new OverviewPage(layout, municipality,
                BASE + municipalityId, settings, geography.wijkenOf(municipalityId), policies, form, errors,
                request.getParameters().contains("opgeslagen"))));
    }

    private ModelAndView<Map<String, Object>> yearPage(HttpRequest<?> request, UUID actor, UUID municipalityId,
                                                       UUID wijkplatformId, int year, @Nullable String typedAmount,
                                                       FormErrors errors) {
        WijkplatformView platform = requirePlatformOf(municipalityId, wijkplatformId);
        BudgetAccountView account = budgets.accountForAdmin(actor, wijkplatformId, year);
        Texts texts = layouts.texts(request);
        Layout layout = layouts.of(request, "portal.admin.budget.year.title")
                .titled(texts.t("portal.admin.budget.year.title.of", "platform", platform.name(), "year", String.valueOf(year)));
        int current = currentYear();
        List<Integer> years = IntStream.rangeClosed(current - 1, current + 1).boxed().toList();
        String notice = request.getParameters().contains("afgesloten") ? texts.t("portal.admin.budget.closed.notice")
                : request.getParameters().contains("opgeslagen") ? texts.t("portal.admin.saved") : null;
        return new ModelAndView<>("budget/adminyear", Map.of("page", new YearPage(layout, BASE + municipalityId, platform,
                account, years, yearHref(municipalityId, wijkplatformId, year),
                typedAmount == null ? Euros.plain(account.allocatedCents()) : typedAmount, errors, notice,
                year <= current)));
    }

    private WijkplatformView requirePlatformOf(UUID municipalityId, UUID wijkplatformId) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        if (!platform.municipalityId().equals(municipalityId)) {
            throw ApiException.notFound("problem.notFound.wijkplatform");
        }
        return platform;
    }

    private int currentYear() {
        return LocalDate.now(clock.withZone(BudgetService.MUNICIPAL_TIME)).getYear();
    }

    private static String yearHref(UUID municipalityId, UUID wijkplatformId, int year) {
        return BASE + municipalityId + "/wijkbudget/" + wijkplatformId + "/" + year;
    }

    /** The API's field names (in cents) are the form's (in euros) here. */
    private FormErrors violations(Object command, Texts texts, Map<String, String> fields) {
        var violations = validator.validate(command);
        if (violations.isEmpty()) {
            return FormErrors.none();
        }
        ApiException invalid = ApiException.invalid(InvalidParams.of(violations));
        FormErrors shown = FormErrors.of(invalid, texts);
        FormErrors mapped = FormErrors.none();
        for (int i = 0; i < invalid.invalidParams().size(); i++) {
            String name = invalid.invalidParams().get(i).name();
            mapped = mapped.and(FormErrors.field(fields.getOrDefault(name, name), shown.entries().get(i).message()));
        }
        return mapped;
    }

    /** A year that cannot take the amount (closed, outside the years open) is said beside the amount. */
    private static FormErrors besideAmount(ApiException refused, Texts texts) {
        FormErrors errors = refusalOf(refused, texts);
        return FormErrors.field("amount", errors.entries().get(0).message());
    }

    /** A refusal of the person (403) or of the place (404) is the portal's error page, not a form error. */
    private static FormErrors refusalOf(ApiException refused, Texts texts) {
        if (refused.status().getCode() == 403 || refused.status().getCode() == 404) {
            throw refused;
        }
        return FormErrors.of(refused, texts);
    }

    record OverviewPage(Layout layout, MunicipalityView municipality, String base, SettingsView settings,
                        List<WijkDetail> wijken, List<Option> policies, Map<String, String> form, FormErrors errors,
                        boolean saved) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record YearPage(Layout layout, String base, WijkplatformView platform, BudgetAccountView account, List<Integer> years,
                    String href, String amount, FormErrors errors, @Nullable String notice, boolean closable) {

        String yearHref(int year) {
            return base + "/wijkbudget/" + platform.id() + "/" + year;
        }
    }
}
