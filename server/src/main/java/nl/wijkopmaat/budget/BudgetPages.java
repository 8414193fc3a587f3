package nl.wijkopmaat.budget;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.wijkopmaat.budget.BudgetViews.BudgetAccountView;
import nl.wijkopmaat.budget.BudgetViews.BudgetYearView;
import nl.wijkopmaat.budget.BudgetViews.GrantView;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkSummary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The public account of a wijkbudget in the portal: a year's figures, drawn as a bar chart on the
 * server and written out beside it, the grants to initiatives, and the ledger as a spreadsheet for
 * those who may read it (the board and the municipality's admins, as the service decides). The
 * wijk page shows what is available this year and links to every year there is.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class BudgetPages {

    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);
    /** More years than a platform has had: the account page links them all. */
    private static final int YEARS_SHOWN = 20;

    private final BudgetService budgets;
    private final GeographyService geography;
    private final Layouts layouts;

    BudgetPages(BudgetService budgets, GeographyService geography, Layouts layouts) {
        this.budgets = budgets;
        this.geography = geography;
        this.layouts = layouts;
    }

    static String yearsBase(String gemeente, String wijk) {
        return "/" + gemeente + "/wijken/" + wijk + "/wijkbudget/";
    }

    @Get("/{gemeente}/wijken/{wijk}/wijkbudget/{jaar}")
    ModelAndView<Map<String, Object>> account(HttpRequest<?> request, String gemeente, String wijk, String jaar,
                                              @Nullable Authentication authentication) {
        Place place = place(gemeente, wijk);
        int year = year(jaar);
        Layout layout = layouts.of(request, "portal.budget.title");
        Layout titled = layout.titled(layout.t("portal.budget.heading", "wijk", place.wijk().name(), "year", String.valueOf(year)));
        UUID platform = place.wijk().wijkplatformId();
        if (platform == null) {
            return page(new AccountPage(titled, place, year, null, List.of(), Chart.EMPTY, List.of(), null));
        }
        BudgetAccountView account = budgets.account(platform, year);
        List<GrantView> grants = budgets.grants(platform, year, ALL).items();
        List<Integer> years = YearLinks.of(budgets.years(platform, PageRequest.first(YEARS_SHOWN)).items(), year);
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        String csvHref = viewer != null && budgets.mayReadLedger(viewer, platform)
                ? yearsBase(place.municipalitySlug(), place.wijkSlug()) + year + "/kasboek.csv" : null;
        return page(new AccountPage(titled, place, year, account, grants, Chart.of(account), years, csvHref));
    }

    /** The same spreadsheet as the API's ledger in CSV, for a signed-in reader of the ledger. */
    @Get(uri = "/{gemeente}/wijken/{wijk}/wijkbudget/{jaar}/kasboek.csv", produces = LedgerCsv.MEDIA_TYPE)
    MutableHttpResponse<?> ledgerCsv(HttpRequest<?> request, String gemeente, String wijk, String jaar,
                                     @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Place place = place(gemeente, wijk);
        int year = year(jaar);
        UUID platform = place.wijk().wijkplatformId();
        if (platform == null) {
            throw ApiException.notFound("problem.notFound.wijkplatform");
        }
        byte[] csv = LedgerCsv.render(layouts.texts(request).t("budget.csv.header"),
                budgets.ledgerExport(Callers.accountId(authentication), platform, year));
        return HttpResponse.ok(csv)
                .contentType(MediaType.of(LedgerCsv.MEDIA_TYPE + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wijkbudget-" + year + ".csv\"");
    }

    private Place place(String gemeente, String wijk) {
        MunicipalityView municipality = geography.allMunicipalities().stream()
                .filter(m -> Slugs.of(m.name()).equals(gemeente))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("problem.notFound.municipality"));
        WijkSummary summary = geography.listWijken(municipality.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(w -> Slugs.of(w.name()).equals(wijk))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("problem.notFound.wijk"));
        return new Place(municipality.name(), gemeente, summary, wijk);
    }

    /** A year as the address writes it; anything else is a page that does not exist. */
    static int year(String jaar) {
        if (!jaar.matches("\\d{4}")) {
            throw ApiException.notFound("problem.notFound.budget");
        }
        return Integer.parseInt(jaar);
    }

    private static ModelAndView<Map<String, Object>> page(AccountPage model) {
        return new ModelAndView<>("budget/account", Map.of("page", model));
    }

    record Place(String municipalityName, String municipalitySlug, WijkSummary wijk, String wijkSlug) {

        String municipalityHref() {
            return "/" + municipalitySlug;
        }

        String wijkHref() {
            return "/" + municipalitySlug + "/wijken/" + wijkSlug;
        }
    }

    record AccountPage(Layout layout, Place place, int year, @Nullable BudgetAccountView account, List<GrantView> grants,
                       Chart chart, List<Integer> years, @Nullable String csvHref) {

        String yearHref(int other) {
            return yearsBase(place.municipalitySlug(), place.wijkSlug()) + other;
        }

        String initiativeHref(GrantView grant) {
            return "/" + place.municipalitySlug() + "/initiatieven/" + grant.initiativeId();
        }
    }

    /**
     * Horizontal bars of allocated, granted, paid and available money, scaled to the largest; each bar
     * is a share of the chart's width, so the chart fits any screen without being scaled as a picture.
     */
    record Chart(List<Bar> bars, int height) {

        static final Chart EMPTY = new Chart(List.of(), 0);
        private static final int ROW = 56;

        static Chart of(BudgetAccountView account) {
            List<Bar> bars = new ArrayList<>();
            long[] amounts = {account.allocatedCents(), account.grantedCents(), account.paidCents(), account.availableCents()};
            String[] names = {"allocated", "granted", "paid", "available"};
            long largest = 1;
            for (long amount : amounts) {
                largest = Math.max(largest, amount);
            }
            for (int i = 0; i < amounts.length; i++) {
                double share = 100.0 * Math.max(0, amounts[i]) / largest;
                bars.add(new Bar(names[i], amounts[i], String.format(Locale.ROOT, "%.1f%%", share), i * ROW + 18, i * ROW + 26));
            }
            return new Chart(bars, amounts.length * ROW);
        }
    }

    /** One bar: its figure's name (a message code and CSS class), amount, width and where its label and bar go. */
    record Bar(String name, long cents, String width, int labelY, int barY) {
    }

    /** The years to link: those with money, and the one shown, newest first. */
    static final class YearLinks {

        private YearLinks() {
        }

        static List<Integer> of(List<BudgetYearView> years, int alsoThisOne) {
            TreeSet<Integer> all = new TreeSet<>(Comparator.reverseOrder());
            years.forEach(y -> all.add(y.year()));
            all.add(alsoThisOne);
            return List.copyOf(all);
        }
    }

    /** This year's available money and the years of the wijk's budget, on the wijk page. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private final BudgetService budgets;
        private final Templates templates;
        private final Clock clock;

        WijkSection(BudgetService budgets, Templates templates, Clock clock) {
            this.budgets = budgets;
            this.templates = templates;
            this.clock = clock;
        }

        @Override
        public int getOrder() {
            return 60;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            int current = LocalDate.now(clock.withZone(BudgetService.MUNICIPAL_TIME)).getYear();
            String base = yearsBase(wijk.municipalitySlug(), wijk.wijkSlug());
            if (wijk.wijkplatformId() == null) {
                return templates.content("budget/section", Map.of("section", new Section(layout, false, current, 0, List.of(), base)));
            }
            // The years' list carries each year's available amount: this year's needs no read of its own.
            List<BudgetYearView> years = budgets.years(wijk.wijkplatformId(), PageRequest.first(YEARS_SHOWN)).items();
            long available = years.stream().filter(y -> y.year() == current).findFirst()
                    .map(BudgetYearView::availableCents).orElse(0L);
            return templates.content("budget/section", Map.of("section",
                    new Section(layout, true, current, available, YearLinks.of(years, current), base)));
        }
    }

    record Section(Layout layout, boolean hasPlatform, int currentYear, long availableCents, List<Integer> years, String yearsBase) {
    }
}
