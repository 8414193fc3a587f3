package nl.wijkopmaat.monitor;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtPlace;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.monitor.MonitorCommands.InhabitantsRequest;
import nl.wijkopmaat.monitor.MonitorCommands.TargetRequest;
import nl.wijkopmaat.monitor.MonitorStore.FigureRow;
import nl.wijkopmaat.monitor.MonitorStore.QuarterRow;
import nl.wijkopmaat.monitor.MonitorStore.TargetRow;
import nl.wijkopmaat.monitor.MonitorViews.AreaFigures;
import nl.wijkopmaat.monitor.MonitorViews.BuurtFigures;
import nl.wijkopmaat.monitor.MonitorViews.InhabitantsView;
import nl.wijkopmaat.monitor.MonitorViews.MonitorSettings;
import nl.wijkopmaat.monitor.MonitorViews.MunicipalityMonitor;
import nl.wijkopmaat.monitor.MonitorViews.MunicipalityQuarter;
import nl.wijkopmaat.monitor.MonitorViews.TargetView;
import nl.wijkopmaat.monitor.MonitorViews.WijkColumn;
import nl.wijkopmaat.monitor.MonitorViews.WijkMonitor;
import nl.wijkopmaat.monitor.MonitorViews.WijkQuarter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The participation monitor: inhabitants and targets set by the municipality's admins, and the
 * public monitor of a wijk and of a municipality, read from the snapshot only.
 */
@Singleton
public class MonitorService {

    private final GeographyService geography;
    private final MonitorStore store;
    private final Authorizations authorizations;
    private final Clock clock;

    MonitorService(GeographyService geography, MonitorStore store, Authorizations authorizations, Clock clock) {
        this.geography = geography;
        this.store = store;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Transactional
    public InhabitantsView putWijkInhabitants(UUID actor, UUID wijkId, InhabitantsRequest request) {
        WijkDetail wijk = geography.getWijk(wijkId);
        return putInhabitants(actor, wijk.municipalityId(), wijkId, wijkId, request);
    }

    @Transactional
    public InhabitantsView putBuurtInhabitants(UUID actor, UUID buurtId, InhabitantsRequest request) {
        BuurtPlace buurt = geography.findBuurt(buurtId).orElseThrow(() -> ApiException.notFound("problem.notFound.buurt"));
        return putInhabitants(actor, buurt.municipalityId(), buurt.wijkId(), buurtId, request);
    }

    /** Used by start-up configuration (demo data), never by a client request: made-up figures, marked demo. */
    @Transactional
    public void putDemoInhabitants(UUID wijkId, int year, int inhabitants, int households) {
        WijkDetail wijk = geography.getWijk(wijkId);
        store.putInhabitants(wijkId, wijk.municipalityId(), wijkId, year, inhabitants, households, true, clock.instant());
    }

    private InhabitantsView putInhabitants(UUID actor, UUID municipalityId, UUID wijkId, UUID areaId,
                                           InhabitantsRequest request) {
        authorizations.require(actor, Role.ADMIN, municipalityId);
        boolean demo = Boolean.TRUE.equals(request.demo());
        store.putInhabitants(areaId, municipalityId, wijkId, request.year(), request.inhabitants(), request.households(),
                demo, clock.instant());
        return new InhabitantsView(areaId, request.year(), request.inhabitants(), request.households(), demo);
    }

    /** Sets the target of an indicator from a start date; a target given again for that date replaces it. */
    @Transactional
    public TargetView putTarget(UUID actor, UUID municipalityId, String indicatorName, TargetRequest request) {
        geography.getMunicipality(municipalityId);
        TargetIndicator indicator = Arrays.stream(TargetIndicator.values())
                .filter(value -> value.name().equals(indicatorName))
                .findFirst()
                .orElseThrow(() -> ApiException.invalid(List.of(new InvalidParam("indicator", "validation.type.enum",
                        Map.of("allowed", Arrays.stream(TargetIndicator.values()).map(Enum::name)
                                .collect(Collectors.joining(", ")))))));
        authorizations.require(actor, Role.ADMIN, municipalityId);
        store.putTarget(municipalityId, indicator, request.startDate(), request.comparison(), request.targetPercent(),
                clock.instant());
        return new TargetView(indicator, request.comparison(), request.targetPercent().doubleValue(), request.startDate());
    }

    /**
     * What the municipality's admins set, for them only: its targets and the inhabitants of its wijken
     * and buurten, in two reads.
     */
    @Transactional
    public MonitorSettings settings(UUID actor, UUID municipalityId) {
        geography.getMunicipality(municipalityId);
        authorizations.require(actor, Role.ADMIN, municipalityId);
        List<TargetView> targets = store.targets(municipalityId).stream()
                .map(t -> new TargetView(t.indicator(), t.comparison(), t.percent().doubleValue(), t.startDate()))
                .toList();
        List<InhabitantsView> inhabitants = store.inhabitants(municipalityId).stream()
                .map(row -> new InhabitantsView(row.areaId(), row.year(), row.inhabitants(), row.households(), row.demo()))
                .toList();
        return new MonitorSettings(targets, inhabitants);
    }

    /** Every target of the municipality with its start date, public like the monitor. */
    @Transactional
    public Page<TargetView> targets(UUID municipalityId) {
        geography.getMunicipality(municipalityId);
        return new Page<>(store.targets(municipalityId).stream()
                .map(t -> new TargetView(t.indicator(), t.comparison(), t.percent().doubleValue(), t.startDate()))
                .toList(), null);
    }

    @Transactional
    public WijkMonitor wijk(UUID wijkId) {
        WijkDetail wijk = geography.getWijk(wijkId);
        UUID municipalityId = wijk.municipalityId();
        Snapshot snapshot = snapshot(municipalityId);
        List<TargetRow> targets = store.targets(municipalityId);
        List<WijkQuarter> quarters = new ArrayList<>();
        for (QuarterRow quarter : snapshot.quarters()) {
            MonitorReport report = snapshot.report(quarter);
            AreaFigures figures = report.figures(wijkId);
            List<BuurtFigures> buurten = wijk.buurten().stream()
                    .map(b -> new BuurtFigures(b.id(), b.name(), report.residents(b.id())))
                    .toList();
            Quarter q = new Quarter(quarter.start());
            quarters.add(new WijkQuarter(q.label(), q.start(), q.lastDay(), quarter.complete(), quarter.computedAt(), figures,
                    MonitorReport.against(targets, q.lastDay(), figures), buurten));
        }
        return new WijkMonitor(wijk.id(), wijk.name(), municipalityId, quarters);
    }

    @Transactional
    public MunicipalityMonitor municipality(UUID municipalityId) {
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        Snapshot snapshot = snapshot(municipalityId);
        List<TargetRow> targets = store.targets(municipalityId);
        List<MunicipalityQuarter> quarters = new ArrayList<>();
        for (QuarterRow quarter : snapshot.quarters()) {
            MonitorReport report = snapshot.report(quarter);
            Quarter q = new Quarter(quarter.start());
            List<WijkColumn> wijken = snapshot.wijken().stream()
                    .map(w -> {
                        AreaFigures figures = report.figures(w.id());
                        return new WijkColumn(w.id(), w.name(), figures, MonitorReport.against(targets, q.lastDay(), figures));
                    })
                    .toList();
            AreaFigures total = report.figures(municipalityId);
            quarters.add(new MunicipalityQuarter(q.label(), q.start(), q.lastDay(), quarter.complete(), quarter.computedAt(),
                    total, MonitorReport.against(targets, q.lastDay(), total), wijken));
        }
        return new MunicipalityMonitor(municipalityId, municipality.name(), quarters);
    }

    /** The last four quarters of the snapshot that exist, newest first, and the wijken they are about. */
    private Snapshot snapshot(UUID municipalityId) {
        List<LocalDate> starts = Quarter.of(clock.instant()).lastFour().stream().map(Quarter::start).toList();
        Map<LocalDate, QuarterRow> known = store.quarters(municipalityId, starts);
        List<QuarterRow> quarters = starts.stream().filter(known::containsKey).map(known::get).toList();
        List<FigureRow> rows = quarters.isEmpty() ? List.of() : store.figures(municipalityId,
                quarters.stream().map(QuarterRow::start).toList());
        return new Snapshot(municipalityId, geography.wijkenOf(municipalityId), quarters,
                rows.stream().collect(Collectors.groupingBy(FigureRow::quarter)));
    }

    private record Snapshot(UUID municipalityId, List<WijkDetail> wijken, List<QuarterRow> quarters,
                            Map<LocalDate, List<FigureRow>> rows) {

        MonitorReport report(QuarterRow quarter) {
            Map<UUID, List<UUID>> buurtenByWijk = new LinkedHashMap<>();
            wijken.forEach(w -> buurtenByWijk.put(w.id(), w.buurten().stream().map(BuurtView::id).toList()));
            return new MonitorReport(municipalityId, buurtenByWijk, rows.getOrDefault(quarter.start(), List.of()));
        }
    }
}
