package nl.wijkopmaat.geography;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyCommands.BuurtCreate;
import nl.wijkopmaat.geography.GeographyCommands.WijkCreate;
import nl.wijkopmaat.geography.GeographyViews.BuurtChoice;
import nl.wijkopmaat.geography.GeographyViews.BuurtPlace;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.geography.GeographyViews.WijkSummary;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformSummary;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Municipality, wijk, buurt and wijkplatform: public reads, and changes by the municipality's admins.
 */
@Singleton
public class GeographyService {

    private final MunicipalityRepository municipalities;
    private final WijkRepository wijken;
    private final BuurtRepository buurten;
    private final WijkplatformRepository wijkplatforms;
    private final Authorizations authorizations;
    private final Cursors cursors;
    private final Clock clock;

    GeographyService(MunicipalityRepository municipalities, WijkRepository wijken, BuurtRepository buurten,
                     WijkplatformRepository wijkplatforms, Authorizations authorizations, Cursors cursors, Clock clock) {
        this.cursors = cursors;
        this.municipalities = municipalities;
        this.wijken = wijken;
        this.buurten = buurten;
        this.wijkplatforms = wijkplatforms;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Transactional
    public Page<MunicipalityView> listMunicipalities(PageRequest page) {
        ListScope scope = ListScope.of("municipalities");
        List<Municipality> rows = cursors.after(page, scope)
                .map(key -> municipalities.pageAfter(key.text(0), page.fetchSize()))
                .orElseGet(() -> municipalities.firstPage(page.fetchSize()));
        return cursors.page(rows, page, scope, m -> List.of(m.name()), MunicipalityView::of);
    }

    /** Every municipality, by name: the portal's start page and its choices of municipality. */
    @Transactional
    public List<MunicipalityView> allMunicipalities() {
        List<MunicipalityView> all = new ArrayList<>();
        municipalities.findAll().forEach(m -> all.add(MunicipalityView.of(m)));
        all.sort(java.util.Comparator.comparing(MunicipalityView::name));
        return all;
    }

    /** Every buurt with its wijk and municipality, in three reads, for the portal's choice of buurt. */
    @Transactional
    public List<BuurtChoice> allBuurten() {
        Map<UUID, String> municipalityNames = new java.util.HashMap<>();
        municipalities.findAll().forEach(m -> municipalityNames.put(m.id(), m.name()));
        Map<UUID, Wijk> wijkById = new java.util.HashMap<>();
        wijken.findAll().forEach(w -> wijkById.put(w.id(), w));
        List<BuurtChoice> choices = new ArrayList<>();
        buurten.findAll().forEach(b -> {
            Wijk wijk = wijkById.get(b.wijkId());
            choices.add(new BuurtChoice(b.id(), b.name(), wijk.name(), wijk.municipalityId(), municipalityNames.get(wijk.municipalityId())));
        });
        choices.sort(java.util.Comparator.comparing(BuurtChoice::municipalityName).thenComparing(BuurtChoice::wijkName)
                .thenComparing(BuurtChoice::name));
        return choices;
    }

    @Transactional
    public MunicipalityView getMunicipality(UUID id) {
        return municipalities.findById(id).map(MunicipalityView::of)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.municipality"));
    }

    @Transactional
    public Optional<MunicipalityView> findMunicipality(UUID id) {
        return municipalities.findById(id).map(MunicipalityView::of);
    }

    @Transactional
    public Optional<MunicipalityView> findMunicipalityByName(String name) {
        return municipalities.findByName(name).map(MunicipalityView::of);
    }

    /**
     * The municipality for one of its admins, refusing everyone else as its changes do: where the
     * pages of the admin workspace start reading.
     */
    @Transactional
    public MunicipalityView administered(UUID actor, UUID municipalityId) {
        MunicipalityView municipality = getMunicipality(municipalityId);
        authorizations.require(actor, Role.ADMIN, municipalityId);
        return municipality;
    }

    /** Used by start-up configuration (first admin, demo data), never by a client request. */
    @Transactional
    public MunicipalityView findOrCreateMunicipality(String name) {
        return municipalities.findByName(name)
                .or(() -> Optional.of(municipalities.save(new Municipality(UUID.randomUUID(), name, clock.instant()))))
                .map(MunicipalityView::of)
                .orElseThrow();
    }

    @Transactional
    public Page<WijkSummary> listWijken(UUID municipalityId, PageRequest page) {
        getMunicipality(municipalityId);
        String municipality = municipalityId.toString();
        ListScope scope = ListScope.of("wijken", municipality);
        List<Wijk> rows = cursors.after(page, scope)
                .map(key -> wijken.pageAfter(municipality, key.text(0), page.fetchSize()))
                .orElseGet(() -> wijken.firstPage(municipality, page.fetchSize()));
        Map<UUID, UUID> platformByWijk = rows.isEmpty() ? Map.of()
                : wijkplatforms.findByWijkIdIn(rows.stream().map(Wijk::id).toList()).stream()
                        .collect(Collectors.toMap(Wijkplatform::wijkId, Wijkplatform::id));
        return cursors.page(rows, page, scope, w -> List.of(w.name()),
                w -> new WijkSummary(w.id(), w.municipalityId(), w.name(), platformByWijk.get(w.id())));
    }

    /** The buurten of the given wijken, by wijk, in one read. */
    @Transactional
    public Map<UUID, List<BuurtView>> buurtenOf(Collection<UUID> wijkIds) {
        return wijkIds.isEmpty() ? Map.of() : buurten.findByWijkIdInOrderByName(wijkIds).stream()
                .collect(Collectors.groupingBy(Buurt::wijkId, LinkedHashMap::new,
                        Collectors.mapping(BuurtView::of, Collectors.toList())));
    }

    @Transactional
    public WijkDetail getWijk(UUID wijkId) {
        return detail(requireWijk(wijkId));
    }

    @Transactional
    public WijkDetail createWijk(UUID actor, UUID municipalityId, WijkCreate command) {
        getMunicipality(municipalityId);
        authorizations.require(actor, Role.ADMIN, municipalityId);
        String name = command.name().strip();
        if (wijken.existsByMunicipalityIdAndName(municipalityId, name)) {
            throw ApiException.conflict("problem.conflict.wijkName");
        }
        Instant now = clock.instant();
        Wijk wijk = wijken.save(new Wijk(UUID.randomUUID(), municipalityId, name, now, now));
        String platformName = command.wijkplatformName() == null ? "Wijkplatform " + name : command.wijkplatformName().strip();
        wijkplatforms.save(new Wijkplatform(UUID.randomUUID(), wijk.id(), platformName, now,
                contactAddress(command.wijkplatformContactEmail())));
        return detail(wijk);
    }

    @Transactional
    public WijkDetail renameWijk(UUID actor, UUID wijkId, String newName) {
        Wijk wijk = requireWijk(wijkId);
        authorizations.require(actor, Role.ADMIN, wijk.municipalityId());
        String name = newName.strip();
        if (wijken.findByMunicipalityIdAndName(wijk.municipalityId(), name).filter(other -> !other.id().equals(wijkId)).isPresent()) {
            throw ApiException.conflict("problem.conflict.wijkName");
        }
        return detail(wijken.update(wijk.renamed(name, clock.instant())));
    }

    @Transactional
    public BuurtView createBuurt(UUID actor, UUID wijkId, BuurtCreate command) {
        Wijk wijk = requireWijk(wijkId);
        authorizations.require(actor, Role.ADMIN, wijk.municipalityId());
        String name = command.name().strip();
        if (buurten.existsByWijkIdAndName(wijkId, name)) {
            throw ApiException.conflict("problem.conflict.buurtName");
        }
        Instant now = clock.instant();
        return BuurtView.of(buurten.save(new Buurt(UUID.randomUUID(), wijkId, name, now, now)));
    }

    @Transactional
    public BuurtView renameBuurt(UUID actor, UUID buurtId, String newName) {
        Buurt buurt = buurten.findById(buurtId).orElseThrow(() -> ApiException.notFound("problem.notFound.buurt"));
        Wijk wijk = requireWijk(buurt.wijkId());
        authorizations.require(actor, Role.ADMIN, wijk.municipalityId());
        String name = newName.strip();
        if (buurten.findByWijkIdAndName(buurt.wijkId(), name).filter(other -> !other.id().equals(buurtId)).isPresent()) {
            throw ApiException.conflict("problem.conflict.buurtName");
        }
        return BuurtView.of(buurten.update(buurt.renamed(name, clock.instant())));
    }

    @Transactional
    public BuurtView getBuurt(UUID buurtId) {
        return buurten.findById(buurtId).map(BuurtView::of)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.buurt"));
    }

    /**
     * For start-up configuration (demo data): makes sure the wijk, its wijkplatform and the named
     * buurten exist, creating only what is missing.
     */
    @Transactional
    public WijkDetail ensureWijk(UUID municipalityId, String wijkName, List<String> buurtNames) {
        Instant now = clock.instant();
        Wijk wijk = wijken.findByMunicipalityIdAndName(municipalityId, wijkName)
                .orElseGet(() -> wijken.save(new Wijk(UUID.randomUUID(), municipalityId, wijkName, now, now)));
        if (wijkplatforms.findByWijkId(wijk.id()).isEmpty()) {
            wijkplatforms.save(new Wijkplatform(UUID.randomUUID(), wijk.id(), "Wijkplatform " + wijkName, now, null));
        }
        buurtNames.stream()
                .filter(name -> !buurten.existsByWijkIdAndName(wijk.id(), name))
                .forEach(name -> buurten.save(new Buurt(UUID.randomUUID(), wijk.id(), name, now, now)));
        return detail(wijk);
    }

    /** An admin of the municipality sets or (with null) removes the platform's contact address. */
    @Transactional
    public WijkplatformView changeContactEmail(UUID actor, UUID wijkplatformId, @Nullable String contactEmail) {
        Wijkplatform platform = wijkplatforms.findByIdForUpdate(wijkplatformId)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.wijkplatform"));
        authorizations.require(actor, Role.ADMIN, requireWijk(platform.wijkId()).municipalityId());
        return platformView(Optional.of(wijkplatforms.update(platform.withContactEmail(contactAddress(contactEmail)))));
    }

    /**
     * For start-up configuration (demo data): gives the platform of a wijk this contact address
     * when it has none, leaving an address an admin set alone.
     */
    @Transactional
    public void ensureWijkplatformContact(UUID wijkId, String contactEmail) {
        wijkplatforms.findByWijkId(wijkId).filter(platform -> platform.contactEmail() == null)
                .ifPresent(platform -> wijkplatforms.update(platform.withContactEmail(contactAddress(contactEmail))));
    }

    @Nullable
    private static String contactAddress(@Nullable String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    /** Every municipality, for jobs that visit each of them. */
    @Transactional
    public List<UUID> municipalityIds() {
        List<UUID> ids = new ArrayList<>();
        municipalities.findAll().forEach(municipality -> ids.add(municipality.id()));
        return ids;
    }

    /** All wijken of a municipality with their buurten and wijkplatforms, by name, in three statements. */
    @Transactional
    public List<WijkDetail> wijkenOf(UUID municipalityId) {
        List<Wijk> rows = wijken.findByMunicipalityIdOrderByName(municipalityId);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Wijk::id).toList();
        Map<UUID, List<BuurtView>> buurtenByWijk = buurten.findByWijkIdInOrderByName(ids).stream()
                .collect(Collectors.groupingBy(Buurt::wijkId, Collectors.mapping(BuurtView::of, Collectors.toList())));
        Map<UUID, WijkplatformSummary> platformByWijk = wijkplatforms.findByWijkIdIn(ids).stream()
                .collect(Collectors.toMap(Wijkplatform::wijkId, p -> new WijkplatformSummary(p.id(), p.name())));
        return rows.stream()
                .map(w -> new WijkDetail(w.id(), w.municipalityId(), w.name(), buurtenByWijk.getOrDefault(w.id(), List.of()),
                        platformByWijk.get(w.id())))
                .toList();
    }

    /** The wijkplatform of a wijk, for checks of who chairs where. */
    @Transactional
    public Optional<UUID> wijkplatformIdOf(UUID wijkId) {
        return wijkplatforms.findByWijkId(wijkId).map(Wijkplatform::id);
    }

    /** The municipality of a wijk, if the wijk exists. */
    @Transactional
    public Optional<UUID> municipalityOfWijk(UUID wijkId) {
        return wijken.findById(wijkId).map(Wijk::municipalityId);
    }

    /** Whether a feature may place something in {@code buurtId} of {@code wijkId}: no buurt, or one of that wijk. */
    @Transactional
    public boolean isNoBuurtOrOneOf(@Nullable UUID buurtId, UUID wijkId) {
        return buurtId == null || findBuurt(buurtId).map(BuurtPlace::wijkId).filter(wijkId::equals).isPresent();
    }

    @Transactional
    public Optional<BuurtPlace> findBuurt(UUID buurtId) {
        return buurten.findById(buurtId)
                .flatMap(buurt -> wijken.findById(buurt.wijkId())
                        .map(wijk -> new BuurtPlace(buurt.id(), wijk.id(), wijk.municipalityId())));
    }

    @Transactional
    public WijkplatformView getWijkplatform(UUID wijkplatformId) {
        return platformView(wijkplatforms.findById(wijkplatformId));
    }

    /**
     * Reads the wijkplatform and locks it until the caller's transaction ends, so that changes to its
     * board (one chair, one secretary) happen one after the other.
     */
    @Transactional
    public WijkplatformView lockWijkplatform(UUID wijkplatformId) {
        return platformView(wijkplatforms.findByIdForUpdate(wijkplatformId));
    }

    private WijkplatformView platformView(Optional<Wijkplatform> found) {
        Wijkplatform platform = found.orElseThrow(() -> ApiException.notFound("problem.notFound.wijkplatform"));
        Wijk wijk = requireWijk(platform.wijkId());
        return new WijkplatformView(platform.id(), platform.name(), wijk.id(), wijk.name(), wijk.municipalityId(),
                platform.contactEmail());
    }

    private Wijk requireWijk(UUID wijkId) {
        return wijken.findById(wijkId).orElseThrow(() -> ApiException.notFound("problem.notFound.wijk"));
    }

    private WijkDetail detail(Wijk wijk) {
        List<BuurtView> buurtViews = buurten.findByWijkIdOrderByName(wijk.id()).stream().map(BuurtView::of).toList();
        WijkplatformSummary platform = wijkplatforms.findByWijkId(wijk.id())
                .map(p -> new WijkplatformSummary(p.id(), p.name()))
                .orElse(null);
        return new WijkDetail(wijk.id(), wijk.municipalityId(), wijk.name(), buurtViews, platform);
    }
}
