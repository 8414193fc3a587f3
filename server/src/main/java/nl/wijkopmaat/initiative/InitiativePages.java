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
import jakarta.validation.Validator;
import nl.wijkopmaat.common.Theme;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.EuroAmounts;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Option;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.initiative.InitiativeCommands.ContentChanges;
import nl.wijkopmaat.initiative.InitiativeCommands.StatusChangeRequest;
import nl.wijkopmaat.initiative.InitiativeViews.CommentView;
import nl.wijkopmaat.initiative.InitiativeViews.InitiativeView;
import nl.wijkopmaat.initiative.InitiativeViews.ReviewView;
import nl.wijkopmaat.initiative.InitiativeViews.StatusChangeView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The initiative pages of the portal: an initiative with its history, reviews and comments (support
 * and comment when signed in), and the resident's own initiatives (create, edit, submit). Every form
 * is the same service call as the API's; the services decide who may do what.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class InitiativePages {

    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);
    private static final String MINE = "/mijn/initiatieven";

    private final InitiativeService initiatives;
    private final EngagementService engagement;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;

    InitiativePages(InitiativeService initiatives, EngagementService engagement, GeographyService geography, Layouts layouts,
                    Validator validator) {
        this.initiatives = initiatives;
        this.engagement = engagement;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
    }

    @Get("/{gemeente}/initiatieven/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication) {
        return detail(request, gemeente, id, authentication, FormErrors.none(), "");
    }

    private ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, String gemeente, UUID id,
                                                      @Nullable Authentication authentication, FormErrors errors, String commentDraft) {
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        InitiativeView initiative = initiatives.get(id, viewer);
        WijkDetail wijk = geography.getWijk(initiative.wijkId());
        Texts texts = layouts.texts(request);
        List<StatusChangeView> history = initiatives.history(id, viewer, ALL, texts.locale()).items();
        List<ReviewView> reviews = initiatives.reviews(id, viewer, ALL).items();
        List<CommentView> comments = engagement.comments(id, viewer, ALL).items();
        Layout layout = layouts.of(request, "portal.initiative.title").titled(initiative.title());
        String buurt = wijk.buurten().stream().filter(b -> b.id().equals(initiative.buurtId())).map(BuurtView::name)
                .findFirst().orElse(null);
        return page("initiative/detail", new DetailPage(layout, initiative, wijk.name(),
                "/" + gemeente + "/wijken/" + Slugs.of(wijk.name()), buurt, "/" + gemeente + "/initiatieven/" + id,
                history, reviews, comments, viewer != null, viewer != null && initiative.author() != null
                && viewer.equals(initiative.author().id()), errors, commentDraft));
    }

    @Post("/{gemeente}/initiatieven/{id}/steun")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> support(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication,
                                   @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID resident = Callers.accountId(authentication);
        try {
            if ("intrekken".equals(form.get("actie"))) {
                engagement.withdrawSupport(id, resident);
            } else {
                engagement.support(id, resident);
            }
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status())
                    .body(detail(request, gemeente, id, authentication, FormErrors.of(refused, layouts.texts(request)), ""));
        }
        return Redirects.to("/" + gemeente + "/initiatieven/" + id);
    }

    @Post("/{gemeente}/initiatieven/{id}/reacties")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> comment(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication,
                                   @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        String body = form.getOrDefault("body", "");
        InitiativeCommands.CommentRequest comment = new InitiativeCommands.CommentRequest(body.isBlank() ? null : body.strip());
        FormErrors invalid = violations(request, comment);
        if (!invalid.isEmpty()) {
            return HttpResponse.badRequest(detail(request, gemeente, id, authentication, invalid, body));
        }
        try {
            engagement.comment(id, Callers.accountId(authentication), comment.body());
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status())
                    .body(detail(request, gemeente, id, authentication, FormErrors.of(refused, layouts.texts(request)), body));
        }
        return Redirects.to("/" + gemeente + "/initiatieven/" + id + "#reacties");
    }

    @Get(MINE)
    MutableHttpResponse<?> mine(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        List<InitiativeView> own = initiatives.list(new InitiativeListQuery(null, null, null, null, true, null, null, null),
                Callers.accountId(authentication), ALL).items();
        return HttpResponse.ok(page("initiative/mine", new MinePage(layouts.of(request, "portal.mine.title"), own, municipalitySlugs())));
    }

    @Get(MINE + "/nieuw")
    MutableHttpResponse<?> newForm(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(form(request, "portal.mine.new.title", MINE + "/nieuw", Map.of(), FormErrors.none(), true));
    }

    @Post(MINE + "/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Texts texts = layouts.texts(request);
        ParsedForm parsed = ParsedForm.of(form, texts);
        InitiativeCommands.Content content = new InitiativeCommands.Content(parsed.text("title"), parsed.textOrEmpty("description"),
                parsed.theme(), parsed.wijkOfBuurt(geography), parsed.uuid("buurtId"), parsed.text("locationText"), null, null,
                parsed.cents("requestedBudget"));
        FormErrors errors = parsed.errors().and(violations(request, content));
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(form(request, "portal.mine.new.title", MINE + "/nieuw", form, errors, true));
        }
        try {
            InitiativeView created = initiatives.create(Callers.accountId(authentication), content);
            return Redirects.to(MINE + "/" + created.id() + "/bewerken?opgeslagen=1");
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status())
                    .body(form(request, "portal.mine.new.title", MINE + "/nieuw", form, FormErrors.of(refused, texts), true));
        }
    }

    @Get(MINE + "/{id}/bewerken")
    MutableHttpResponse<?> editForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        InitiativeView initiative = initiatives.get(id, Callers.accountId(authentication));
        return HttpResponse.ok(editPage(request, initiative, formOf(initiative, layouts.texts(request)), FormErrors.none()));
    }

    @Post(MINE + "/{id}/bewerken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        ParsedForm parsed = ParsedForm.of(form, texts);
        ContentChanges changes = new ContentChanges(parsed.text("title"), parsed.textOrEmpty("description"), parsed.theme(),
                parsed.uuid("buurtId"), parsed.text("locationText"), null, null, parsed.cents("requestedBudget"));
        FormErrors errors = parsed.errors().and(violations(request, changes));
        if (errors.isEmpty()) {
            try {
                initiatives.update(id, actor, changes);
                return Redirects.to(MINE + "/" + id + "/bewerken?opgeslagen=1");
            } catch (ApiException refused) {
                errors = FormErrors.of(refused, texts);
            }
        }
        InitiativeView initiative = initiatives.get(id, actor);
        return HttpResponse.badRequest(editPage(request, initiative, form, errors));
    }

    @Post(MINE + "/{id}/indienen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> submit(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        InitiativeView initiative = initiatives.get(id, actor);
        InitiativeTransition transition = initiative.status() == InitiativeStatus.CHANGES_REQUESTED
                ? InitiativeTransition.RESUBMIT : InitiativeTransition.SUBMIT;
        try {
            initiatives.changeStatus(id, actor, new StatusChangeRequest(transition, null, null));
        } catch (ApiException refused) {
            Texts texts = layouts.texts(request);
            return HttpResponse.status(refused.status())
                    .body(editPage(request, initiative, formOf(initiative, texts), FormErrors.of(refused, texts)));
        }
        return Redirects.to(MINE + "?ingediend=" + id);
    }

    private ModelAndView<Map<String, Object>> editPage(HttpRequest<?> request, InitiativeView initiative, Map<String, String> form,
                                                       FormErrors errors) {
        ModelAndView<Map<String, Object>> view = form(request, "portal.mine.edit.title", MINE + "/" + initiative.id() + "/bewerken",
                form, errors, false);
        FormPage page = (FormPage) view.getModel().orElseThrow().get("page");
        return page("initiative/form", page.editing(initiative, request.getParameters().contains("opgeslagen")));
    }

    private ModelAndView<Map<String, Object>> form(HttpRequest<?> request, String titleCode, String action, Map<String, String> form,
                                                   FormErrors errors, boolean chooseWijk) {
        Texts texts = layouts.texts(request);
        List<Option> themes = Arrays.stream(Theme.values()).map(t -> Option.of(t.name(), texts.t("portal.theme." + t.name()))).toList();
        List<Option> places = geography.allBuurten().stream()
                .map(b -> Option.of(b.id().toString(), b.name() + " (" + b.wijkName() + ", " + b.municipalityName() + ")"))
                .toList();
        return page("initiative/form", new FormPage(layouts.of(request, titleCode), action, form, themes, places, errors,
                chooseWijk, null, false));
    }

    private FormErrors violations(HttpRequest<?> request, Object command) {
        var violations = validator.validate(command);
        return violations.isEmpty() ? FormErrors.none()
                : FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), layouts.texts(request));
    }

    private static Map<String, String> formOf(InitiativeView initiative, Texts texts) {
        return Map.of("title", initiative.title(), "description", initiative.description(), "theme", initiative.theme().name(),
                "buurtId", initiative.buurtId() == null ? "" : initiative.buurtId().toString(),
                "locationText", initiative.locationText() == null ? "" : initiative.locationText(),
                "requestedBudget", EuroAmounts.typed(initiative.requestedBudgetCents()));
    }

    private Map<UUID, String> municipalitySlugs() {
        Map<UUID, String> slugs = new java.util.HashMap<>();
        geography.allMunicipalities().forEach(m -> slugs.put(m.id(), Slugs.of(m.name())));
        return slugs;
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    record DetailPage(Layout layout, InitiativeView initiative, String wijkName, String wijkHref, @Nullable String buurtName,
                      String href, List<StatusChangeView> history, List<ReviewView> reviews, List<CommentView> comments,
                      boolean signedIn, boolean author, FormErrors errors, String commentDraft) {
    }

    record MinePage(Layout layout, List<InitiativeView> initiatives, Map<UUID, String> municipalitySlugs) {

        String href(InitiativeView initiative) {
            return initiative.status() == InitiativeStatus.DRAFT || initiative.status() == InitiativeStatus.CHANGES_REQUESTED
                    ? MINE + "/" + initiative.id() + "/bewerken"
                    : "/" + municipalitySlugs.get(initiative.municipalityId()) + "/initiatieven/" + initiative.id();
        }
    }

    record FormPage(Layout layout, String action, Map<String, String> form, List<Option> themes, List<Option> places,
                    FormErrors errors, boolean creating, @Nullable InitiativeView initiative, boolean saved) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }

        FormPage editing(InitiativeView editing, boolean justSaved) {
            return new FormPage(layout, action, form, themes, places, errors, false, editing, justSaved);
        }

        boolean submittable() {
            return initiative != null && (initiative.status() == InitiativeStatus.DRAFT
                    || initiative.status() == InitiativeStatus.CHANGES_REQUESTED);
        }
    }

    /**
     * The fields of the initiative form as typed, with what could not be read at all (an amount that
     * is not euros and cents, an unknown theme) reported beside its field; the rest the service checks.
     */
    record ParsedForm(Map<String, String> form, Texts texts, List<FormErrors> problems) {

        static ParsedForm of(Map<String, String> form, Texts texts) {
            return new ParsedForm(form, texts, new ArrayList<>());
        }

        @Nullable
        String text(String field) {
            String value = form.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String textOrEmpty(String field) {
            return form.getOrDefault(field, "").strip();
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
                problems.add(FormErrors.field(field, texts.t("validation.buurt.unknown")));
                return null;
            }
        }

        @Nullable
        Theme theme() {
            String value = text("theme");
            if (value == null) {
                return null;
            }
            try {
                return Theme.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(FormErrors.field("theme", texts.t("portal.form.unknownChoice")));
                return null;
            }
        }

        /** The wijk of the chosen buurt: a resident picks the buurt, the initiative belongs to its wijk. */
        @Nullable
        UUID wijkOfBuurt(GeographyService geography) {
            UUID buurt = uuid("buurtId");
            if (buurt == null) {
                if (text("buurtId") == null) {
                    problems.add(FormErrors.field("buurtId", texts.t("validation.NotNull")));
                }
                return null;
            }
            return geography.findBuurt(buurt).map(place -> place.wijkId()).orElseGet(() -> {
                problems.add(FormErrors.field("buurtId", texts.t("validation.buurt.unknown")));
                return null;
            });
        }

        /** Euros with a decimal comma (or point), at most two decimals: never rounded. */
        @Nullable
        Long cents(String field) {
            String value = text(field);
            if (value == null) {
                return 0L;
            }
            Long cents = EuroAmounts.parse(value);
            if (cents == null) {
                problems.add(FormErrors.field(field, texts.t("portal.form.euros")));
            }
            return cents;
        }

        FormErrors errors() {
            return problems.stream().reduce(FormErrors.none(), FormErrors::and);
        }
    }
}
