package nl.wijkopmaat.initiative;

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
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.Workspace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.initiative.InitiativeCommands.ReviewRequest;
import nl.wijkopmaat.initiative.InitiativeViews.Handling;
import nl.wijkopmaat.initiative.InitiativeViews.InitiativeView;
import nl.wijkopmaat.initiative.InitiativeViews.ReviewView;
import nl.wijkopmaat.initiative.InitiativeViews.StatusChangeView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The initiative workspaces: the wijkplatform board's (what waits for the chair's review, and what
 * is overdue in the wijk), the official's own queue and everything of the municipality that waits on
 * an official, and one initiative as those who handle it see it, where an official assigns an owner
 * and the owner or the chair reviews. Every read and every step is the service's, which checks the role.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class InitiativeWorkspacePages {

    static final String WORKSPACE = "/werkplek";
    static final String INITIATIVE = WORKSPACE + "/initiatieven/";
    /** The cursors of a page's two lists in its address. */
    static final String FROM = "vanaf";
    static final String OVERDUE_FROM = "vanaf-te-laat";

    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    private final InitiativeService initiatives;
    private final RoleAssignmentService roles;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;

    InitiativeWorkspacePages(InitiativeService initiatives, RoleAssignmentService roles, GeographyService geography,
                             Layouts layouts, Validator validator) {
        this.initiatives = initiatives;
        this.roles = roles;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
    }

    static String boardPath(UUID wijkplatformId) {
        return WORKSPACE + "/wijkplatform/" + wijkplatformId + "/initiatieven";
    }

    static String minePath(UUID municipalityId) {
        return WORKSPACE + "/gemeente/" + municipalityId + "/initiatieven";
    }

    static String waitingPath(UUID municipalityId) {
        return WORKSPACE + "/gemeente/" + municipalityId + "/wachtend";
    }

    @Get("/werkplek/wijkplatform/{wijkplatformId}/initiatieven")
    MutableHttpResponse<?> board(HttpRequest<?> request, UUID wijkplatformId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Cursors cursors = Cursors.of(request);
        Page<InitiativeView> inReview = initiatives.inReviewForBoard(actor, wijkplatformId, cursors.page(FROM));
        Page<InitiativeView> overdue = initiatives.overdueForBoard(actor, wijkplatformId, cursors.page(OVERDUE_FROM));
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        Texts texts = layouts.texts(request);
        Layout layout = layouts.of(request, "portal.workspace.initiatives.board.title")
                .titled(texts.t("portal.workspace.initiatives.board.title", "platform", platform.name()));
        String path = boardPath(wijkplatformId);
        return HttpResponse.ok(page("initiative/workspaceboard", new BoardPage(layout, platform, initiatives.today(),
                inReview.items(), cursors.next(path, FROM, inReview.nextCursor()),
                overdue.items(), cursors.next(path, OVERDUE_FROM, overdue.nextCursor()))));
    }

    @Get("/werkplek/gemeente/{municipalityId}/initiatieven")
    MutableHttpResponse<?> mine(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Cursors cursors = Cursors.of(request);
        Page<InitiativeView> queue = initiatives.ownedByMe(Callers.accountId(authentication), municipalityId, cursors.page(FROM));
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        Layout layout = layouts.of(request, "portal.workspace.initiatives.mine.title");
        return HttpResponse.ok(page("initiative/workspacemine", new MinePage(layout, municipality, initiatives.today(),
                queue.items(), cursors.next(minePath(municipalityId), FROM, queue.nextCursor()), waitingPath(municipalityId))));
    }

    @Get("/werkplek/gemeente/{municipalityId}/wachtend")
    MutableHttpResponse<?> waiting(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Cursors cursors = Cursors.of(request);
        Page<InitiativeView> unowned = initiatives.awaitingOwner(actor, municipalityId, cursors.page(FROM));
        Page<InitiativeView> overdue = initiatives.overdue(actor, municipalityId, null, cursors.page(OVERDUE_FROM));
        MunicipalityView municipality = geography.getMunicipality(municipalityId);
        Layout layout = layouts.of(request, "portal.workspace.initiatives.waiting.title");
        String path = waitingPath(municipalityId);
        return HttpResponse.ok(page("initiative/workspacewaiting", new WaitingPage(layout, municipality, initiatives.today(),
                unowned.items(), cursors.next(path, FROM, unowned.nextCursor()),
                overdue.items(), cursors.next(path, OVERDUE_FROM, overdue.nextCursor()), minePath(municipalityId))));
    }

    @Get("/werkplek/initiatieven/{id}")
    MutableHttpResponse<?> show(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(detail(request, id, Callers.accountId(authentication), Map.of(), FormErrors.none()));
    }

    @Post("/werkplek/initiatieven/{id}/eigenaar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assignOwner(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                       @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        String typed = form.getOrDefault("ownerId", "").strip();
        if (typed.isEmpty()) {
            return HttpResponse.badRequest(detail(request, id, actor, form,
                    FormErrors.field("ownerId", texts.t("validation.NotNull"))));
        }
        UUID ownerId;
        try {
            ownerId = UUID.fromString(typed);
        } catch (IllegalArgumentException notAnId) {
            return HttpResponse.badRequest(detail(request, id, actor, form,
                    FormErrors.field("ownerId", texts.t("portal.form.unknownChoice"))));
        }
        try {
            initiatives.assignOwner(id, actor, ownerId);
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status()).body(detail(request, id, actor, form, FormErrors.of(refused, texts)));
        }
        return Redirects.to(INITIATIVE + id + "?eigenaar=1");
    }

    @Post("/werkplek/initiatieven/{id}/beoordeling")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> review(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        ReviewDecision decision = decisionOf(form.get("decision"));
        if (decision == null) {
            return HttpResponse.badRequest(detail(request, id, actor, form,
                    FormErrors.general(texts.t("portal.workspace.initiative.review.chooseDecision"))));
        }
        String reason = form.getOrDefault("reason", "");
        ReviewRequest review = new ReviewRequest(decision, reason.isBlank() ? null : reason);
        var violations = validator.validate(review);
        if (!violations.isEmpty()) {
            return HttpResponse.badRequest(detail(request, id, actor, form,
                    FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), texts)));
        }
        try {
            initiatives.review(id, actor, review);
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status()).body(detail(request, id, actor, form, FormErrors.of(refused, texts)));
        }
        return Redirects.to(INITIATIVE + id + "?beoordeeld=1");
    }

    @Nullable
    private static ReviewDecision decisionOf(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReviewDecision.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The initiative as its handlers see it, read through the service that refuses everyone else; the
     * officials to choose an owner from only for those who may assign one.
     */
    private ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, UUID id, UUID actor, Map<String, String> form,
                                                      FormErrors errors) {
        Handling handling = initiatives.handling(id, actor);
        InitiativeView initiative = handling.initiative();
        Texts texts = layouts.texts(request);
        List<StatusChangeView> history = initiatives.history(id, actor, ALL, texts.locale()).items();
        List<ReviewView> reviews = initiatives.reviews(id, actor, ALL).items();
        List<Option> officials = handling.mayAssignOwner()
                ? roles.officials(actor, initiative.municipalityId(), ALL).items().stream()
                        .map(official -> Option.of(official.id().toString(),
                                official.displayName() == null ? texts.t("portal.initiative.unknownPerson") : official.displayName()))
                        .toList()
                : List.of();
        String wijkName = geography.getWijk(initiative.wijkId()).name();
        MunicipalityView municipality = geography.getMunicipality(initiative.municipalityId());
        String chosenOwner = form.containsKey("ownerId") ? form.get("ownerId")
                : initiative.owner() == null ? "" : initiative.owner().id().toString();
        String notice = request.getParameters().contains("eigenaar") ? texts.t("portal.workspace.initiative.ownerAssigned")
                : request.getParameters().contains("beoordeeld") ? texts.t("portal.workspace.initiative.reviewed") : null;
        Layout layout = layouts.of(request, "portal.workspace.initiative.title").titled(initiative.title());
        return page("initiative/workspacedetail", new DetailPage(layout, handling, wijkName,
                "/" + Slugs.of(municipality.name()) + "/initiatieven/" + id, initiatives.today(), history, reviews, officials,
                chosenOwner, form.getOrDefault("reason", ""), errors, notice));
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    /** An initiative waits past its term when it is in review and its due date has gone by. */
    static boolean overdue(InitiativeView initiative, LocalDate today) {
        return initiative.status() == InitiativeStatus.IN_REVIEW && initiative.answerDueDate() != null
                && initiative.answerDueDate().isBefore(today);
    }

    /**
     * The cursors of the lists on one page, as the address carries them: the link to the next page of
     * one list keeps where the other list is.
     */
    record Cursors(Map<String, String> current) {

        static Cursors of(HttpRequest<?> request) {
            Map<String, String> current = new LinkedHashMap<>();
            for (String name : List.of(FROM, OVERDUE_FROM)) {
                request.getParameters().getFirst(name).filter(value -> !value.isBlank()).ifPresent(value -> current.put(name, value));
            }
            return new Cursors(current);
        }

        PageRequest page(String name) {
            return new PageRequest(PageRequest.DEFAULT_LIMIT, current.get(name));
        }

        @Nullable
        String next(String path, String name, @Nullable String cursor) {
            if (cursor == null) {
                return null;
            }
            Map<String, String> next = new LinkedHashMap<>(current);
            next.put(name, cursor);
            return path + "?" + next.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    record BoardPage(Layout layout, WijkplatformView platform, LocalDate today, List<InitiativeView> inReview,
                     @Nullable String inReviewNext, List<InitiativeView> overdue, @Nullable String overdueNext) {
    }

    record MinePage(Layout layout, MunicipalityView municipality, LocalDate today, List<InitiativeView> queue,
                    @Nullable String queueNext, String waitingHref) {
    }

    record WaitingPage(Layout layout, MunicipalityView municipality, LocalDate today, List<InitiativeView> unowned,
                       @Nullable String unownedNext, List<InitiativeView> overdue, @Nullable String overdueNext, String mineHref) {
    }

    record DetailPage(Layout layout, Handling handling, String wijkName, String publicHref, LocalDate today,
                      List<StatusChangeView> history, List<ReviewView> reviews, List<Option> officials, String chosenOwner,
                      String reason, FormErrors errors, @Nullable String notice) {

        InitiativeView initiative() {
            return handling.initiative();
        }

        String href() {
            return INITIATIVE + handling.initiative().id();
        }

        boolean overdue() {
            return InitiativeWorkspacePages.overdue(handling.initiative(), today);
        }
    }

    /**
     * The entries on {@code /werkplek}: the initiatives of each wijkplatform whose board the person
     * sits on, and for each municipality where they are an official their own queue and what waits on
     * the municipality.
     */
    @Singleton
    static class InitiativeWorkspace implements Workspace {

        private final RoleAssignmentService roles;
        private final GeographyService geography;

        InitiativeWorkspace(RoleAssignmentService roles, GeographyService geography) {
            this.roles = roles;
            this.geography = geography;
        }

        @Override
        public int getOrder() {
            return 10;
        }

        @Override
        public List<Entry> entriesFor(UUID accountId, Texts texts) {
            List<Entry> entries = new ArrayList<>();
            Set<UUID> platforms = new LinkedHashSet<>(roles.scopesOf(accountId, Role.CHAIR));
            platforms.addAll(roles.scopesOf(accountId, Role.SECRETARY));
            for (UUID platformId : platforms) {
                WijkplatformView platform = geography.getWijkplatform(platformId);
                entries.add(new Entry(texts.t("portal.workspace.initiatives.board.entry", "platform", platform.name()),
                        texts.t("portal.workspace.initiatives.board.entry.text", "wijk", platform.wijkName()),
                        boardPath(platformId)));
            }
            for (UUID municipalityId : roles.scopesOf(accountId, Role.OFFICIAL)) {
                String name = geography.getMunicipality(municipalityId).name();
                entries.add(new Entry(texts.t("portal.workspace.initiatives.mine.entry"),
                        texts.t("portal.workspace.initiatives.mine.entry.text", "municipality", name), minePath(municipalityId)));
                entries.add(new Entry(texts.t("portal.workspace.initiatives.waiting.entry"),
                        texts.t("portal.workspace.initiatives.waiting.entry.text", "municipality", name),
                        waitingPath(municipalityId)));
            }
            return entries;
        }
    }
}
