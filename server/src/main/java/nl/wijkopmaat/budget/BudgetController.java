package nl.wijkopmaat.budget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.budget.BudgetCommands.AllocationRequest;
import nl.wijkopmaat.budget.BudgetCommands.ContributionRequest;
import nl.wijkopmaat.budget.BudgetCommands.GrantRequest;
import nl.wijkopmaat.budget.BudgetCommands.PayoutRequest;
import nl.wijkopmaat.budget.BudgetCommands.ReleaseRequest;
import nl.wijkopmaat.budget.BudgetCommands.SettingsRequest;
import nl.wijkopmaat.budget.BudgetViews.BudgetAccountView;
import nl.wijkopmaat.budget.BudgetViews.BudgetYearView;
import nl.wijkopmaat.budget.BudgetViews.EntryView;
import nl.wijkopmaat.budget.BudgetViews.GrantView;
import nl.wijkopmaat.budget.BudgetViews.SettingsView;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class BudgetController {

    private static final MediaType CSV = MediaType.of(LedgerCsv.MEDIA_TYPE);

    private final BudgetService budgets;
    private final Messages messages;

    BudgetController(BudgetService budgets, Messages messages) {
        this.budgets = budgets;
        this.messages = messages;
    }

    @Get("/municipalities/{municipalityId}/budget-settings")
    @Secured(SecurityRule.IS_ANONYMOUS)
    SettingsView settings(@PathVariable UUID municipalityId) {
        return budgets.settings(municipalityId);
    }

    @Put("/municipalities/{municipalityId}/budget-settings")
    SettingsView updateSettings(@PathVariable UUID municipalityId, @Valid @Body SettingsRequest request,
                                Authentication authentication) {
        return budgets.updateSettings(Callers.accountId(authentication), municipalityId, request);
    }

    @Get("/wijkplatforms/{wijkplatformId}/budgets")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<BudgetYearView> years(@PathVariable UUID wijkplatformId, @Valid @RequestBean PageRequest page) {
        return budgets.years(wijkplatformId, page);
    }

    @Get("/wijkplatforms/{wijkplatformId}/budgets/{year}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    BudgetAccountView account(@PathVariable UUID wijkplatformId, @PathVariable int year) {
        return budgets.account(wijkplatformId, year);
    }

    @Put("/wijkplatforms/{wijkplatformId}/budgets/{year}")
    BudgetAccountView allocate(@PathVariable UUID wijkplatformId, @PathVariable int year,
                               @Valid @Body AllocationRequest request, Authentication authentication) {
        return budgets.allocate(Callers.accountId(authentication), wijkplatformId, year, request.amountCents());
    }

    @Get("/wijkplatforms/{wijkplatformId}/budgets/{year}/contributions")
    Page<EntryView> contributions(@PathVariable UUID wijkplatformId, @PathVariable int year,
                                  @Valid @RequestBean PageRequest page, Authentication authentication) {
        return budgets.contributions(Callers.accountId(authentication), wijkplatformId, year, page);
    }

    @Post("/wijkplatforms/{wijkplatformId}/budgets/{year}/contributions")
    @Idempotent(required = true)
    HttpResponse<EntryView> contribute(@PathVariable UUID wijkplatformId, @PathVariable int year,
                                       @Valid @Body ContributionRequest request, Authentication authentication) {
        EntryView entry = budgets.contribute(Callers.accountId(authentication), wijkplatformId, year, request);
        return HttpResponse.created(entry, URI.create(yearPath(wijkplatformId, year) + "/contributions"));
    }

    @Get("/wijkplatforms/{wijkplatformId}/budgets/{year}/grants")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<GrantView> grants(@PathVariable UUID wijkplatformId, @PathVariable int year,
                           @Valid @RequestBean PageRequest page) {
        return budgets.grants(wijkplatformId, year, page);
    }

    @Post("/wijkplatforms/{wijkplatformId}/budgets/{year}/grants")
    @Idempotent(required = true)
    HttpResponse<GrantView> grant(@PathVariable UUID wijkplatformId, @PathVariable int year,
                                  @Valid @Body GrantRequest request, Authentication authentication) {
        GrantView grant = budgets.grant(Callers.accountId(authentication), wijkplatformId, year, request);
        return HttpResponse.created(grant, URI.create("/api/v1/grants/" + grant.id()));
    }

    @Post("/grants/{grantId}/confirmation")
    @Idempotent(required = true)
    HttpResponse<GrantView> confirm(@PathVariable UUID grantId, Authentication authentication) {
        return HttpResponse.ok(budgets.confirm(Callers.accountId(authentication), grantId));
    }

    @Post("/grants/{grantId}/cancellation")
    @Idempotent(required = true)
    HttpResponse<GrantView> cancel(@PathVariable UUID grantId, Authentication authentication) {
        return HttpResponse.ok(budgets.cancel(Callers.accountId(authentication), grantId));
    }

    @Get("/grants/{grantId}/payouts")
    Page<EntryView> payouts(@PathVariable UUID grantId, @Valid @RequestBean PageRequest page,
                            Authentication authentication) {
        return budgets.payouts(Callers.accountId(authentication), grantId, page);
    }

    @Post("/grants/{grantId}/payouts")
    @Idempotent(required = true)
    HttpResponse<EntryView> payout(@PathVariable UUID grantId, @Valid @Body PayoutRequest request,
                                   Authentication authentication) {
        EntryView entry = budgets.payout(Callers.accountId(authentication), grantId, request);
        return HttpResponse.created(entry, URI.create("/api/v1/grants/" + grantId + "/payouts"));
    }

    @Get("/grants/{grantId}/releases")
    Page<EntryView> releases(@PathVariable UUID grantId, @Valid @RequestBean PageRequest page,
                             Authentication authentication) {
        return budgets.releases(Callers.accountId(authentication), grantId, page);
    }

    @Post("/grants/{grantId}/releases")
    @Idempotent(required = true)
    HttpResponse<EntryView> release(@PathVariable UUID grantId, @Valid @Body ReleaseRequest request,
                                    Authentication authentication) {
        EntryView entry = budgets.release(Callers.accountId(authentication), grantId, request);
        return HttpResponse.created(entry, URI.create("/api/v1/grants/" + grantId + "/releases"));
    }

    @Post("/wijkplatforms/{wijkplatformId}/budgets/{year}/closing")
    @Idempotent(required = true)
    HttpResponse<BudgetAccountView> close(@PathVariable UUID wijkplatformId, @PathVariable int year,
                                          Authentication authentication) {
        return HttpResponse.ok(budgets.close(Callers.accountId(authentication), wijkplatformId, year));
    }

    /** JSON pages, or with {@code Accept: text/csv} the whole year as one spreadsheet. */
    @Get(uri = "/wijkplatforms/{wijkplatformId}/budgets/{year}/ledger",
            produces = {MediaType.APPLICATION_JSON, LedgerCsv.MEDIA_TYPE})
    HttpResponse<?> ledger(@PathVariable UUID wijkplatformId, @PathVariable int year,
                           @Valid @RequestBean PageRequest page, HttpRequest<?> request,
                           Authentication authentication) {
        UUID actor = Callers.accountId(authentication);
        if (wantsCsv(request)) {
            byte[] csv = LedgerCsv.render(messages.get("budget.csv.header", messages.locale(request)),
                    budgets.ledgerExport(actor, wijkplatformId, year));
            return HttpResponse.ok(csv)
                    .contentType(MediaType.of(LedgerCsv.MEDIA_TYPE + ";charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wijkbudget-" + year + ".csv\"");
        }
        return HttpResponse.ok(budgets.ledger(actor, wijkplatformId, year, page));
    }

    private static boolean wantsCsv(HttpRequest<?> request) {
        boolean csv = request.accept().stream().anyMatch(type -> type.matches(CSV));
        boolean json = request.accept().stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE));
        return csv && !json;
    }

    private static String yearPath(UUID wijkplatformId, int year) {
        return "/api/v1/wijkplatforms/" + wijkplatformId + "/budgets/" + year;
    }
}
