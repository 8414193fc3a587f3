package nl.wijkopmaat.monitor;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.common.portal.WijkPageSection.WijkPlace;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.Places;
import nl.wijkopmaat.monitor.MonitorTables.Table;
import nl.wijkopmaat.monitor.MonitorTables.TargetBar;
import nl.wijkopmaat.monitor.MonitorTables.TrendChart;
import nl.wijkopmaat.monitor.MonitorViews.BuurtFigures;
import nl.wijkopmaat.monitor.MonitorViews.MunicipalityMonitor;
import nl.wijkopmaat.monitor.MonitorViews.MunicipalityQuarter;
import nl.wijkopmaat.monitor.MonitorViews.WijkColumn;
import nl.wijkopmaat.monitor.MonitorViews.WijkMonitor;
import nl.wijkopmaat.monitor.MonitorViews.WijkQuarter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The participation monitor in the portal, public like its API: the wijk's figures against the
 * municipality's targets on the wijk page, the last four quarters of a wijk with their trend, and all
 * wijken side by side for the officials who steer by them, each with its open data download.
 * Withheld figures stay withheld: the pages read the same snapshot as the API.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class MonitorPages {

    private static final String CSV_UTF8 = MonitorCsv.MEDIA_TYPE + ";charset=UTF-8";

    private final MonitorService monitor;
    private final Places places;
    private final Layouts layouts;

    MonitorPages(MonitorService monitor, Places places, Layouts layouts) {
        this.monitor = monitor;
        this.places = places;
        this.layouts = layouts;
    }

    @Get("/{gemeente}/wijken/{wijk}/monitor")
    ModelAndView<Map<String, Object>> wijk(HttpRequest<?> request, String gemeente, String wijk) {
        WijkPlace place = places.wijk(gemeente, wijk);
        WijkMonitor figures = monitor.wijk(place.wijkId());
        Texts texts = layouts.texts(request);
        Layout layout = layouts.of(request, "portal.monitor.wijk.title").titled(texts.t("portal.monitor.wijk.title", "wijk",
                place.wijkName()));
        List<WijkQuarter> quarters = figures.quarters();
        Table table = MonitorTables.indicators(texts.t("portal.monitor.wijk.caption", "wijk", place.wijkName()),
                quarters.stream().map(q -> MonitorTables.quarter(q.firstDay(), texts)).toList(),
                quarters.stream().map(WijkQuarter::figures).toList(), texts);
        List<TargetBar> targets = quarters.isEmpty() ? List.of()
                : MonitorTables.targets("doel", quarters.get(0).targets(), quarters.get(0).figures(), texts);
        Table buurten = quarters.isEmpty() ? null : buurtTable(quarters.get(0), texts);
        return new ModelAndView<>("monitor/wijk", Map.of("page", new WijkMonitorPage(layout, place, latest(quarters, texts),
                targets, MonitorTables.trends(quarters, texts), table, buurten)));
    }

    @Get(value = "/{gemeente}/wijken/{wijk}/monitor.csv", produces = CSV_UTF8)
    HttpResponse<byte[]> wijkCsv(String gemeente, String wijk) {
        WijkPlace place = places.wijk(gemeente, wijk);
        return csv(MonitorCsv.wijk(monitor.wijk(place.wijkId())), "monitor-" + place.municipalitySlug() + "-" + place.wijkSlug());
    }

    @Get("/{gemeente}/monitor")
    ModelAndView<Map<String, Object>> municipality(HttpRequest<?> request, String gemeente) {
        MunicipalityView municipality = places.municipality(gemeente);
        MunicipalityMonitor figures = monitor.municipality(municipality.id());
        Texts texts = layouts.texts(request);
        Layout layout = layouts.of(request, "portal.monitor.municipality.title")
                .titled(texts.t("portal.monitor.municipality.title", "municipality", municipality.name()));
        if (figures.quarters().isEmpty()) {
            return new ModelAndView<>("monitor/municipality", Map.of("page", new MunicipalityMonitorPage(layout, gemeente,
                    null, null, List.of())));
        }
        MunicipalityQuarter latest = figures.quarters().get(0);
        List<String> columns = new ArrayList<>(latest.wijken().stream().map(WijkColumn::name).toList());
        columns.add(texts.t("portal.monitor.total"));
        List<MonitorViews.AreaFigures> areas = new ArrayList<>(latest.wijken().stream().map(WijkColumn::figures).toList());
        areas.add(latest.total());
        Table table = MonitorTables.indicators(texts.t("portal.monitor.municipality.caption", "quarter",
                MonitorTables.quarter(latest.firstDay(), texts)), columns, areas, texts);
        List<WijkTargets> wijkTargets = latest.wijken().stream()
                .map(w -> new WijkTargets(w.name(), "/" + gemeente + "/wijken/" + Slugs.of(w.name()) + "/monitor",
                        MonitorTables.targets("doel-" + w.wijkId(), w.targets(), w.figures(), texts)))
                .toList();
        return new ModelAndView<>("monitor/municipality", Map.of("page", new MunicipalityMonitorPage(layout, gemeente,
                MonitorTables.quarter(latest.firstDay(), texts), table, wijkTargets)));
    }

    @Get(value = "/{gemeente}/monitor.csv", produces = CSV_UTF8)
    HttpResponse<byte[]> municipalityCsv(String gemeente) {
        MunicipalityView municipality = places.municipality(gemeente);
        return csv(MonitorCsv.municipality(monitor.municipality(municipality.id())), "monitor-" + gemeente);
    }

    private static HttpResponse<byte[]> csv(byte[] body, String name) {
        return HttpResponse.ok(body).contentType(CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
    }

    @Nullable
    private static String latest(List<WijkQuarter> quarters, Texts texts) {
        return quarters.isEmpty() ? null : MonitorTables.quarter(quarters.get(0).firstDay(), texts);
    }

    private static Table buurtTable(WijkQuarter quarter, Texts texts) {
        return MonitorTables.residents(texts.t("portal.monitor.buurten.caption", "quarter",
                MonitorTables.quarter(quarter.firstDay(), texts)), quarter.buurten(), texts);
    }

    record WijkMonitorPage(Layout layout, WijkPlace wijk, @Nullable String quarter, List<TargetBar> targets,
                           List<TrendChart> trends, Table table, @Nullable Table buurten) {

        String wijkHref() {
            return Places.wijkPath(wijk);
        }

        String csvHref() {
            return Places.wijkPath(wijk) + "/monitor.csv";
        }

        String municipalityHref() {
            return "/" + wijk.municipalitySlug() + "/monitor";
        }
    }

    record WijkTargets(String name, String href, List<TargetBar> targets) {
    }

    record MunicipalityMonitorPage(Layout layout, String municipalitySlug, @Nullable String quarter, @Nullable Table table,
                                   List<WijkTargets> wijken) {

        String csvHref() {
            return "/" + municipalitySlug + "/monitor.csv";
        }
    }

    /** The wijk's latest quarter against the targets, on the wijk's page, with the way to the whole monitor. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private final MonitorService monitor;
        private final Templates templates;

        WijkSection(MonitorService monitor, Templates templates) {
            this.monitor = monitor;
            this.templates = templates;
        }

        @Override
        public int getOrder() {
            return 70;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            List<WijkQuarter> quarters = monitor.wijk(wijk.wijkId()).quarters();
            Texts texts = layout.texts();
            Section section = quarters.isEmpty()
                    ? new Section(layout, null, List.of(), null, Places.wijkPath(wijk) + "/monitor")
                    : new Section(layout, MonitorTables.quarter(quarters.get(0).firstDay(), texts),
                    MonitorTables.targets("wijkdoel", quarters.get(0).targets(), quarters.get(0).figures(), texts),
                    MonitorTables.highlights(quarters.get(0).figures(), texts), Places.wijkPath(wijk) + "/monitor");
            return templates.content("monitor/section", Map.of("section", section));
        }
    }

    record Section(Layout layout, @Nullable String quarter, List<TargetBar> targets, @Nullable Table highlights, String href) {
    }
}
