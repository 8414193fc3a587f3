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
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.budget.BudgetCommands.GrantRequest;
import nl.wijkopmaat.budget.BudgetCommands.PayoutRequest;
import nl.wijkopmaat.budget.BudgetCommands.ReleaseRequest;
import nl.wijkopmaat.budget.BudgetViews.BoardGrantView;
import nl.wijkopmaat.budget.BudgetViews.BoardYearView;
import nl.wijkopmaat.budget.BudgetViews.EntryView;
import nl.wijkopmaat.budget.BudgetViews.GrantView;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.EuroAmounts;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.FormOnce;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Option;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.Workspace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.initiative.FundableInitiative;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The wijkbudget workspace of a wijkplatform's board: a year's money at a glance, its grants with the
 * four-eyes rule in words, proposing a grant to an approved initiative, confirming or cancelling a
 * pending one, payouts and releases, and the ledger with its running balance. Every action is the
 * service call the API makes; the service decides who may do what (the municipality's admins only
 * read). Every form that moves money is sent once ({@link FormOnce}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class BudgetWorkspacePages {

    static final String BASE = "/werkplek/wijkplatform/{wijkplatformId}/wijkbudget";
    private static final int GRANTS_SHOWN = 20;
    private static final int LEDGER_SHOWN = 50;
    /** More approved initiatives than a wijk has at once: the board chooses from all of them. */
    private static final int CHOICES = PageRequest.MAX_LIMIT;
    private static final int YEARS_SHOWN = PageRequest.MAX_LIMIT;
    private static final String FROM = "na";
    /** Refusals about an amount that the service gives without a field: shown beside the amount. */
    private static final Set<String> AMOUNT_REFUSALS = Set.of("problem.conflict.budget.overspend",
            "problem.conflict.grant.overspend");

    private final BudgetService budgets;
    private final GeographyService geography;
    private final Layouts layouts;
    private final FormOnce formOnce;
    private final Validator validator;
    private final Clock clock;

    BudgetWorkspacePages(BudgetService budgets, GeographyService geography, Layouts layouts, FormOnce formOnce,
                         Validator validator, Clock clock) {
        this.budgets = budgets;
        this.geography = geography;
        this.layouts = layouts;
        this.formOnce = formOnce;
        this.validator = validator;
        this.clock = clock;
    }

    static String base(UUID wijkplatformId) {
        return "/werkplek/wijkplatform/" + wijkplatformId + "/wijkbudget";
    }

    static String yearPath(UUID wijkplatformId, int year) {
        return base(wijkplatformId) + "/" + year;
    }

    static String grantPath(UUID wijkplatformId, int year, UUID grantId) {
        return yearPath(wijkplatformId, year) + "/toekenningen/" + grantId;
    }

    /** The current year: the one a board works in. */
    @Get(BASE)
    MutableHttpResponse<?> current(HttpRequest<?> request, UUID wijkplatformId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        if (!budgets.mayReadLedger(Callers.accountId(authentication), wijkplatformId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        return Redirects.to(yearPath(wijkplatformId, currentYear()));
    }

    @Get(BASE + "/{jaar}")
    MutableHttpResponse<?> year(HttpRequest<?> request, UUID wijkplatformId, String jaar,
                                @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(yearPage(request, Callers.accountId(authentication), wijkplatformId, BudgetPages.year(jaar),
                Map.of(), FormErrors.none()));
    }

    @Post(BASE + "/{jaar}/toekenningen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> propose(HttpRequest<?> request, UUID wijkplatformId, String jaar,
                                   @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        int year = BudgetPages.year(jaar);
        Texts texts = layouts.texts(request);
        return formOnce.submit(request, actor, form, () -> {
            MoneyForm parsed = new MoneyForm(form, texts);
            GrantRequest grant = new GrantRequest(parsed.uuid("initiativeId"), parsed.cents("amount"), parsed.text("note"));
            FormErrors errors = parsed.errors().and(violations(texts, grant, Map.of("amountCents", "amount")));
            if (!errors.isEmpty()) {
                return HttpResponse.badRequest(yearPage(request, actor, wijkplatformId, year, form, errors));
            }
            try {
                GrantView granted = budgets.grant(actor, wijkplatformId, year, grant);
                return Redirects.to(grantPath(wijkplatformId, year, granted.id()));
            } catch (ApiException refused) {
                return HttpResponse.status(refused.status())
                        .body(yearPage(request, actor, wijkplatformId, year, form, refusal(refused, texts, "amount")));
            }
        });
    }

    @Get(BASE + "/{jaar}/toekenningen/{grantId}")
    MutableHttpResponse<?> grant(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                 @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(grantPage(request, Callers.accountId(authentication), wijkplatformId,
                BudgetPages.year(jaar), grantId, Map.of(), FormErrors.none()));
    }

    @Post(BASE + "/{jaar}/toekenningen/{grantId}/bevestigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> confirm(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                   @Nullable Authentication authentication, @Body Map<String, String> form) {
        return decision(request, wijkplatformId, jaar, grantId, authentication, form,
                actor -> budgets.confirm(actor, grantId));
    }

    @Post(BASE + "/{jaar}/toekenningen/{grantId}/annuleren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                  @Nullable Authentication authentication, @Body Map<String, String> form) {
        return decision(request, wijkplatformId, jaar, grantId, authentication, form,
                actor -> budgets.cancel(actor, grantId));
    }

    private MutableHttpResponse<?> decision(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                            @Nullable Authentication authentication, Map<String, String> form,
                                            Consumer<UUID> step) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        int year = BudgetPages.year(jaar);
        return formOnce.submit(request, actor, form, () -> {
            requireGrantOf(actor, wijkplatformId, year, grantId);
            try {
                step.accept(actor);
                return Redirects.to(grantPath(wijkplatformId, year, grantId));
            } catch (ApiException refused) {
                return HttpResponse.status(refused.status()).body(grantPage(request, actor, wijkplatformId, year, grantId,
                        Map.of(), FormErrors.of(refused, layouts.texts(request))));
            }
        });
    }

    @Post(BASE + "/{jaar}/toekenningen/{grantId}/uitbetalingen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> payout(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                  @Nullable Authentication authentication, @Body Map<String, String> form) {
        return spending(request, wijkplatformId, jaar, grantId, authentication, form, "payoutAmount", (actor, parsed) -> {
            PayoutRequest payout = new PayoutRequest(parsed.cents("payoutAmount"), parsed.date("paidOn"),
                    parsed.text("reference"));
            return new Spending(payout, () -> budgets.payout(actor, grantId, payout));
        });
    }

    @Post(BASE + "/{jaar}/toekenningen/{grantId}/vrijgaven")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> release(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                   @Nullable Authentication authentication, @Body Map<String, String> form) {
        return spending(request, wijkplatformId, jaar, grantId, authentication, form, "releaseAmount", (actor, parsed) -> {
            ReleaseRequest release = new ReleaseRequest(parsed.cents("releaseAmount"), parsed.text("reason"));
            return new Spending(release, () -> budgets.release(actor, grantId, release));
        });
    }

    /** A payout or release as read from its form: the command to check, and the service call that books it. */
    private record Spending(Object command, Supplier<EntryView> booking) {
    }

    private MutableHttpResponse<?> spending(HttpRequest<?> request, UUID wijkplatformId, String jaar, UUID grantId,
                                            @Nullable Authentication authentication, Map<String, String> form,
                                            String amountField,
                                            BiFunction<UUID, MoneyForm, Spending> read) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        int year = BudgetPages.year(jaar);
        Texts texts = layouts.texts(request);
        return formOnce.submit(request, actor, form, () -> {
            requireGrantOf(actor, wijkplatformId, year, grantId);
            MoneyForm parsed = new MoneyForm(form, texts);
            Spending spending = read.apply(actor, parsed);
            FormErrors errors = parsed.errors().and(violations(texts, spending.command(), Map.of("amountCents", amountField)));
            if (!errors.isEmpty()) {
                return HttpResponse.badRequest(grantPage(request, actor, wijkplatformId, year, grantId, form, errors));
            }
            try {
                spending.booking().get();
                return Redirects.to(grantPath(wijkplatformId, year, grantId));
            } catch (ApiException refused) {
                return HttpResponse.status(refused.status()).body(grantPage(request, actor, wijkplatformId, year, grantId,
                        form, refusal(refused, texts, amountField)));
            }
        });
    }

    @Get(BASE + "/{jaar}/kasboek")
    MutableHttpResponse<?> ledger(HttpRequest<?> request, UUID wijkplatformId, String jaar,
                                  @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        int year = BudgetPages.year(jaar);
        String cursor = request.getParameters().getFirst(FROM).filter(value -> !value.isBlank()).orElse(null);
        Page<EntryView> entries = budgets.ledger(actor, wijkplatformId, year, new PageRequest(LEDGER_SHOWN, cursor));
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        Map<UUID, String> titles = new HashMap<>();
        budgets.account(wijkplatformId, year).grants().forEach(g -> titles.put(g.initiativeId(), g.initiativeTitle()));
        Layout layout = layouts.of(request, "portal.budgetWorkspace.title");
        Layout titled = layout.titled(layout.t("portal.budgetWorkspace.ledger.heading", "platform", platform.name(),
                "year", String.valueOf(year)));
        String next = entries.nextCursor() == null ? null
                : yearPath(wijkplatformId, year) + "/kasboek?" + FROM + "=" + URLEncoder.encode(entries.nextCursor(), StandardCharsets.UTF_8);
        return HttpResponse.ok(new ModelAndView<>("budget/ledger", Map.of("page", new LedgerPage(titled, wijkplatformId,
                year, entries.items(), titles, next, cursor != null, csvHref(platform, year)))));
    }

    // Pages

    private ModelAndView<Map<String, Object>> yearPage(HttpRequest<?> request, UUID actor, UUID wijkplatformId, int year,
                                                       Map<String, String> form, FormErrors errors) {
        String cursor = request.getParameters().getFirst(FROM).filter(value -> !value.isBlank()).orElse(null);
        BoardYearView board = budgets.boardYear(actor, wijkplatformId, year, new PageRequest(GRANTS_SHOWN, cursor));
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        List<FundableInitiative> choices = board.role() == null ? List.of()
                : budgets.fundableInitiatives(actor, wijkplatformId, CHOICES);
        List<Integer> years = yearsOf(wijkplatformId, year);
        Layout layout = layouts.of(request, "portal.budgetWorkspace.title");
        Layout titled = layout.titled(layout.t("portal.budgetWorkspace.heading", "platform", platform.name(),
                "year", String.valueOf(year)));
        Texts texts = layout.texts();
        List<Option> options = choices.stream().map(choice -> Option.of(choice.id().toString(),
                texts.t("portal.budgetWorkspace.grant.choice", "title", choice.title(),
                        "requested", texts.euros(choice.requestedBudgetCents())))).toList();
        String next = board.grants().nextCursor() == null ? null
                : yearPath(wijkplatformId, year) + "?" + FROM + "=" + URLEncoder.encode(board.grants().nextCursor(), StandardCharsets.UTF_8);
        return new ModelAndView<>("budget/workspace", Map.of("page", new YearPage(titled, wijkplatformId, platform.name(),
                year, board, years, options, form, errors, formOnce.newKey(), next, csvHref(platform, year))));
    }

    private ModelAndView<Map<String, Object>> grantPage(HttpRequest<?> request, UUID actor, UUID wijkplatformId, int year,
                                                        UUID grantId, Map<String, String> form, FormErrors errors) {
        BoardGrantView grant = requireGrantOf(actor, wijkplatformId, year, grantId);
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        Layout layout = layouts.of(request, "portal.budgetWorkspace.title");
        Layout titled = layout.titled(layout.t("portal.budgetWorkspace.grantPage.heading",
                "initiative", grant.grant().initiativeTitle()));
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("paidOn", LocalDate.now(clock.withZone(BudgetService.MUNICIPAL_TIME)).toString());
        return new ModelAndView<>("budget/grant", Map.of("page", new GrantPage(titled, wijkplatformId, platform.name(), year,
                grant, values, errors, formOnce.newKey(), formOnce.newKey(), formOnce.newKey(), formOnce.newKey())));
    }

    /** The grant through the service (which checks the reader), and only at the address of its own platform and year. */
    private BoardGrantView requireGrantOf(UUID actor, UUID wijkplatformId, int year, UUID grantId) {
        BoardGrantView grant = budgets.boardGrant(actor, grantId);
        if (!grant.grant().wijkplatformId().equals(wijkplatformId) || grant.grant().year() != year) {
            throw ApiException.notFound("problem.notFound.grant");
        }
        return grant;
    }

    /** Every year the service has for the platform, with the one shown and the current one, newest first. */
    private List<Integer> yearsOf(UUID wijkplatformId, int shown) {
        List<Integer> known = new ArrayList<>(BudgetPages.YearLinks.of(
                budgets.years(wijkplatformId, PageRequest.first(YEARS_SHOWN)).items(), shown));
        int current = currentYear();
        if (!known.contains(current)) {
            known.add(current);
            known.sort(Comparator.reverseOrder());
        }
        return known;
    }

    /** The public account's spreadsheet of the year, which the service gives to the readers of the ledger. */
    private String csvHref(WijkplatformView platform, int year) {
        String gemeente = Slugs.of(geography.getMunicipality(platform.municipalityId()).name());
        return BudgetPages.yearsBase(gemeente, Slugs.of(platform.wijkName())) + year + "/kasboek.csv";
    }

    private int currentYear() {
        return LocalDate.now(clock.withZone(BudgetService.MUNICIPAL_TIME)).getYear();
    }

    private FormErrors violations(Texts texts, Object command, Map<String, String> formNames) {
        var violations = validator.validate(command);
        if (violations.isEmpty()) {
            return FormErrors.none();
        }
        List<InvalidParam> named = InvalidParams.of(violations).stream()
                .map(param -> new InvalidParam(formNames.getOrDefault(param.name(), param.name()), param.reasonCode(),
                        param.reasonArgs()))
                .toList();
        return FormErrors.of(ApiException.invalid(named), texts);
    }

    /** The service's refusal; one about the amount (more than is available) is shown beside the amount. */
    private static FormErrors refusal(ApiException refused, Texts texts, String amountField) {
        FormErrors errors = FormErrors.of(refused, texts);
        if (refused.invalidParams().isEmpty() && AMOUNT_REFUSALS.contains(refused.code())) {
            return FormErrors.field(amountField, errors.entries().get(0).message());
        }
        return errors;
    }

    record YearPage(Layout layout, UUID wijkplatformId, String platformName, int year, BoardYearView board,
                    List<Integer> years, List<Option> initiatives, Map<String, String> form, FormErrors errors,
                    String idempotencyKey, @Nullable String nextHref, String csvHref) {

        String yearHref(int other) {
            return yearPath(wijkplatformId, other);
        }

        String grantHref(GrantView grant) {
            return grantPath(wijkplatformId, year, grant.id());
        }

        String action() {
            return yearPath(wijkplatformId, year) + "/toekenningen";
        }

        String ledgerHref() {
            return yearPath(wijkplatformId, year) + "/kasboek";
        }

        String value(String field) {
            return form.getOrDefault(field, "");
        }

        boolean mayPropose() {
            return board.role() != null && !board.account().closed();
        }
    }

    record GrantPage(Layout layout, UUID wijkplatformId, String platformName, int year, BoardGrantView grant,
                     Map<String, String> form, FormErrors errors, String confirmKey, String cancelKey, String payoutKey,
                     String releaseKey) {

        String yearHref() {
            return yearPath(wijkplatformId, year);
        }

        String action(String step) {
            return grantPath(wijkplatformId, year, grant.grant().id()) + "/" + step;
        }

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record LedgerPage(Layout layout, UUID wijkplatformId, int year, List<EntryView> entries, Map<UUID, String> titles,
                      @Nullable String nextHref, boolean later, String csvHref) {

        String yearHref() {
            return yearPath(wijkplatformId, year);
        }

        String firstHref() {
            return yearPath(wijkplatformId, year) + "/kasboek";
        }

        /** What the entry is about: its initiative, partner, reference or reason. */
        String about(EntryView entry) {
            return Stream.of(entry.initiativeId() == null ? null : titles.get(entry.initiativeId()), entry.partnerName(),
                            entry.reference(), entry.reason())
                    .filter(text -> text != null && !text.isBlank()).reduce((a, b) -> a + " · " + b).orElse("");
        }
    }

    /**
     * The fields of a money form as typed, with what could not be read at all (an amount that is not
     * euros and cents, a date that is no date, an unknown initiative) beside its field; the rest the
     * service's command checks.
     */
    static final class MoneyForm {

        private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

        private final Map<String, String> form;
        private final Texts texts;
        private FormErrors problems = FormErrors.none();

        MoneyForm(Map<String, String> form, Texts texts) {
            this.form = form;
            this.texts = texts;
        }

        @Nullable
        String text(String field) {
            String value = form.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Nullable
        UUID uuid(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException notAnId) {
                problems = problems.and(FormErrors.field(field, texts.t("portal.form.unknownChoice")));
                return null;
            }
        }

        /** Euros with a decimal comma; an empty field is left to the command's check. */
        @Nullable
        Long cents(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            Long cents = EuroAmounts.parse(value);
            if (cents == null) {
                problems = problems.and(FormErrors.field(field, texts.t("portal.form.euros")));
            }
            return cents;
        }

        /** A date as the date field sends it (2026-03-01), or as people write it (1-3-2026). */
        @Nullable
        LocalDate date(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DUTCH_DATE)) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException notThisWay) {
                    // the next way of writing it
                }
            }
            problems = problems.and(FormErrors.field(field, texts.t("portal.budgetWorkspace.date")));
            return null;
        }

        FormErrors errors() {
            return problems;
        }
    }

    /** "Wijkbudget <platform>" on /werkplek for each platform whose chair or secretary the person is. */
    @Singleton
    static class BoardWorkspace implements Workspace {

        private final RoleAssignmentService roles;
        private final GeographyService geography;

        BoardWorkspace(RoleAssignmentService roles, GeographyService geography) {
            this.roles = roles;
            this.geography = geography;
        }

        @Override
        public int getOrder() {
            return 20;
        }

        @Override
        public List<Entry> entriesFor(UUID accountId, Texts texts) {
            return Stream.of(Role.CHAIR, Role.SECRETARY)
                    .flatMap(role -> roles.scopesOf(accountId, role).stream())
                    .distinct()
                    .map(geography::getWijkplatform)
                    .map(platform -> new Entry(texts.t("portal.budgetWorkspace.entry", "platform", platform.name()),
                            texts.t("portal.budgetWorkspace.entry.description"), base(platform.id())))
                    .toList();
        }
    }
}
