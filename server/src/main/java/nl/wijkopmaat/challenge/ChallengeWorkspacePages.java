package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.challenge.ChallengeCommands.AdviceRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AgreementRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AssessmentRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.CriterionScore;
import nl.wijkopmaat.challenge.ChallengeCommands.EligibilityDecision;
import nl.wijkopmaat.challenge.ChallengeCommands.EvaluationRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.Scores;
import nl.wijkopmaat.challenge.ChallengeCommands.StatusChangeRequest;
import nl.wijkopmaat.challenge.ChallengeListQuery.Awaiting;
import nl.wijkopmaat.challenge.ChallengeService.BoardReading;
import nl.wijkopmaat.challenge.ChallengeViews.AdviceView;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeDetail;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeSummary;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.paging.Page;
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
import nl.wijkopmaat.common.portal.Workspace;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The Right to Challenge workspaces: the wijkplatform board's advice queue and advice form, and the
 * official's queues and the steps they take on a proposal (eligibility, starting the assessment, the
 * scored assessment, the agreement, the evaluation). Every read and every step is the service's, which
 * checks the role: a wrong role gets the portal's 403 page on every page and every form.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class ChallengeWorkspacePages {

    static final String PROPOSAL = "/werkplek/uitdagingen/";
    private static final int QUEUE_SIZE = 20;
    /** The assessment's criteria in the order of the form, named as the API names them. */
    static final List<String> CRITERIA = List.of("quality", "cost", "socialValue", "support", "ownership");

    private final ChallengeService challenges;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;
    private final Clock clock;

    ChallengeWorkspacePages(ChallengeService challenges, GeographyService geography, Layouts layouts, Validator validator,
                            Clock clock) {
        this.challenges = challenges;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
        this.clock = clock;
    }

    static String boardHref(UUID wijkplatformId) {
        return "/werkplek/wijkplatform/" + wijkplatformId + "/uitdagingen";
    }

    static String officialHref(UUID municipalityId) {
        return "/werkplek/gemeente/" + municipalityId + "/uitdagingen";
    }

    // The board

    @Get("/werkplek/wijkplatform/{wijkplatformId}/uitdagingen")
    MutableHttpResponse<?> boardQueue(HttpRequest<?> request, UUID wijkplatformId, @Nullable @QueryValue String na,
                                      @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Page<ChallengeSummary> queue = challenges.adviceQueue(wijkplatformId, Callers.accountId(authentication),
                new PageRequest(QUEUE_SIZE, blankToNull(na)));
        String platform = geography.getWijkplatform(wijkplatformId).name();
        Layout layout = layouts.of(request, "portal.challengeWorkspace.board.title");
        return HttpResponse.ok(page("challenge/boardqueue", new BoardQueuePage(
                layout.titled(layout.t("portal.challengeWorkspace.board.heading", "platform", platform)),
                queue, boardHref(wijkplatformId), clock.instant())));
    }

    @Get(PROPOSAL + "{id}/advies")
    MutableHttpResponse<?> adviceForm(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(advicePage(request, id, Callers.accountId(authentication), Map.of(), FormErrors.none()));
    }

    @Post(PROPOSAL + "{id}/advies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> advise(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        ParsedForm parsed = ParsedForm.of(form, layouts.texts(request));
        AdviceRequest advice = new AdviceRequest(parsed.choice("position", AdvicePosition.class,
                Set.of(AdvicePosition.SUPPORT, AdvicePosition.NEUTRAL, AdvicePosition.OPPOSE)), parsed.text("motivation"));
        FormErrors errors = parsed.errors().and(violations(request, advice));
        if (errors.isEmpty()) {
            try {
                challenges.advise(id, actor, advice);
                return Redirects.to(PROPOSAL + id + "/advies");
            } catch (ApiException refused) {
                return refusal(refused, advicePage(request, id, actor, form, FormErrors.of(refused, layouts.texts(request))));
            }
        }
        return HttpResponse.badRequest(advicePage(request, id, actor, form, errors));
    }

    private ModelAndView<Map<String, Object>> advicePage(HttpRequest<?> request, UUID id, UUID actor, Map<String, String> form,
                                                        FormErrors errors) {
        BoardReading reading = challenges.getForBoard(id, actor);
        ChallengeDetail challenge = reading.challenge();
        Texts texts = layouts.texts(request);
        AdviceView advice = hasAdvice(challenge.status()) ? challenges.advice(id, actor) : null;
        List<Option> positions = Stream.of(AdvicePosition.SUPPORT, AdvicePosition.NEUTRAL, AdvicePosition.OPPOSE)
                .map(p -> Option.of(p.name(), texts.t("portal.challenge.advice." + p.name()))).toList();
        Layout layout = layouts.of(request, "portal.challengeWorkspace.advice.title").titled(
                texts.t("portal.challengeWorkspace.advice.heading", "title", challenge.title()));
        return page("challenge/advice", new AdvicePage(layout, challenge, publicHref(challenge), boardHref(reading.wijkplatformId()),
                reading.advises(), advice, positions, form, errors, clock.instant()));
    }

    // The official

    @Get("/werkplek/gemeente/{municipalityId}/uitdagingen")
    MutableHttpResponse<?> officialQueues(HttpRequest<?> request, UUID municipalityId, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        List<Queue> queues = new ArrayList<>();
        for (Awaiting awaiting : List.of(Awaiting.ELIGIBILITY, Awaiting.ASSESSMENT, Awaiting.AGREEMENT, Awaiting.OVERDUE_REPORTS)) {
            String param = awaiting.name().toLowerCase(Locale.ROOT);
            Page<ChallengeSummary> items = challenges.list(new ChallengeListQuery(municipalityId, null, null, null, awaiting),
                    actor, new PageRequest(QUEUE_SIZE, blankToNull(request.getParameters().get(param))));
            queues.add(new Queue(param, items));
        }
        // Evaluation waits on the official too; the list of proposals in execution is public, the queues above checked the role.
        Page<ChallengeSummary> executing = challenges.list(new ChallengeListQuery(municipalityId, null, ChallengeStatus.IN_EXECUTION,
                null, null), actor, new PageRequest(QUEUE_SIZE, blankToNull(request.getParameters().get("in_execution"))));
        queues.add(new Queue("in_execution", executing));
        String municipality = geography.getMunicipality(municipalityId).name();
        Layout layout = layouts.of(request, "portal.challengeWorkspace.official.title");
        return HttpResponse.ok(page("challenge/officialqueues", new OfficialQueuesPage(
                layout.titled(layout.t("portal.challengeWorkspace.official.heading", "municipality", municipality)),
                queues, officialHref(municipalityId), clock.instant())));
    }

    @Get(PROPOSAL + "{id}")
    MutableHttpResponse<?> proposal(HttpRequest<?> request, UUID id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(officialPage(request, id, Callers.accountId(authentication), Map.of(), FormErrors.none()));
    }

    @Post(PROPOSAL + "{id}/toets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decideEligibility(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                             @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        ParsedForm parsed = ParsedForm.of(form, layouts.texts(request));
        String eligible = parsed.text("eligible");
        Boolean decision = null;
        if ("true".equals(eligible) || "false".equals(eligible)) {
            decision = Boolean.valueOf(eligible);
        } else if (eligible != null) {
            parsed.problem("eligible", "portal.form.unknownChoice");
        }
        EligibilityDecision command = new EligibilityDecision(decision, parsed.text("reason"),
                parsed.cents("currentCostCentsPerYear"));
        UUID actor = Callers.accountId(authentication);
        return step(request, id, actor, form, parsed.errors().and(violations(request, command)),
                () -> challenges.decideEligibility(id, actor, command));
    }

    @Post(PROPOSAL + "{id}/beoordeling-starten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> startAssessment(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                           @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID actor = Callers.accountId(authentication);
        Locale locale = layouts.locale(request);
        return step(request, id, actor, Map.of(), FormErrors.none(), () -> challenges.changeStatus(id, actor,
                new StatusChangeRequest(ChallengeAction.START_ASSESSMENT, null), locale));
    }

    @Post(PROPOSAL + "{id}/beoordeling")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assess(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                  @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        ParsedForm parsed = ParsedForm.of(form, layouts.texts(request));
        List<CriterionScore> scores = CRITERIA.stream().map(criterion -> new CriterionScore(
                parsed.score("scores." + criterion + ".score"), parsed.text("scores." + criterion + ".motivation"))).toList();
        AssessmentRequest command = new AssessmentRequest(
                new Scores(scores.get(0), scores.get(1), scores.get(2), scores.get(3), scores.get(4)),
                parsed.choice("decision", Decision.class, Set.of(Decision.values())), parsed.text("decidingBody"),
                parsed.date("decisionDate"), parsed.text("decisionMotivation"));
        UUID actor = Callers.accountId(authentication);
        return step(request, id, actor, form, parsed.errors().and(violations(request, command)),
                () -> challenges.assess(id, actor, command));
    }

    @Post(PROPOSAL + "{id}/overeenkomst")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> agree(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                 @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        ParsedForm parsed = ParsedForm.of(form, layouts.texts(request));
        AgreementRequest command = new AgreementRequest(parsed.text("taskDescription"), parsed.cents("budgetCentsPerYear"),
                parsed.date("startDate"), parsed.date("endDate"), parsed.dates("reportingMoments"), parsed.lines("contactPersons"));
        UUID actor = Callers.accountId(authentication);
        return step(request, id, actor, form, parsed.errors().and(violations(request, command)),
                () -> challenges.agree(id, actor, command));
    }

    @Post(PROPOSAL + "{id}/evaluatie")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> evaluate(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                    @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        ParsedForm parsed = ParsedForm.of(form, layouts.texts(request));
        EvaluationRequest command = new EvaluationRequest(
                parsed.choice("outcome", EvaluationOutcome.class, Set.of(EvaluationOutcome.values())), parsed.text("summary"));
        UUID actor = Callers.accountId(authentication);
        return step(request, id, actor, form, parsed.errors().and(violations(request, command)),
                () -> challenges.evaluate(id, actor, command));
    }

    /**
     * Takes one official step when the form could be read, back to the proposal's workspace (303);
     * otherwise the page again, with what was typed and every error beside its field. The page is
     * read through the service's checking read, so a wrong role gets a 403 whatever the form held.
     */
    private MutableHttpResponse<?> step(HttpRequest<?> request, UUID id, UUID actor, Map<String, String> form, FormErrors invalid,
                                        Runnable action) {
        if (!invalid.isEmpty()) {
            return HttpResponse.badRequest(officialPage(request, id, actor, form, invalid));
        }
        try {
            action.run();
        } catch (ApiException refused) {
            return refusal(refused, officialPage(request, id, actor, form, listFields(FormErrors.of(refused, layouts.texts(request)))));
        }
        return Redirects.to(PROPOSAL + id);
    }

    private ModelAndView<Map<String, Object>> officialPage(HttpRequest<?> request, UUID id, UUID actor, Map<String, String> form,
                                                          FormErrors errors) {
        ChallengeDetail challenge = challenges.getForOfficial(id, actor);
        Texts texts = layouts.texts(request);
        AdviceView advice = hasAdvice(challenge.status()) ? challenges.advice(id, actor) : null;
        Instant now = clock.instant();
        boolean mayStartAssessment = challenge.status() == ChallengeStatus.ADVISED
                || challenge.status() == ChallengeStatus.SUBMITTED && challenge.adviceDueAt() != null && !now.isBefore(challenge.adviceDueAt());
        Layout layout = layouts.of(request, "portal.challengeWorkspace.proposal.title").titled(challenge.title());
        return page("challenge/workspace", new OfficialPage(layout, challenge, publicHref(challenge),
                officialHref(challenge.municipalityId()), advice, mayStartAssessment, now,
                options(texts, "portal.challenge.decision", Decision.values()),
                options(texts, "portal.challenge.outcome", EvaluationOutcome.values()),
                Stream.of("1", "2", "3", "4", "5").map(score -> Option.of(score, score)).toList(), form, errors));
    }

    private static boolean hasAdvice(ChallengeStatus status) {
        return status == ChallengeStatus.ADVISED || status == ChallengeStatus.IN_ASSESSMENT;
    }

    private String publicHref(ChallengeDetail challenge) {
        return ChallengePages.href(Slugs.of(geography.getMunicipality(challenge.municipalityId()).name()), challenge.id());
    }

    /** A refusal by role or of an unknown proposal is the portal's error page; any other shows on the form. */
    private static MutableHttpResponse<?> refusal(ApiException refused, ModelAndView<Map<String, Object>> pageWithErrors) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND
                || refused.status() == HttpStatus.UNAUTHORIZED) {
            throw refused;
        }
        return HttpResponse.status(refused.status()).body(pageWithErrors);
    }

    /** The service names the wrong line of a list ({@code reportingMoments[1]}); the form has one field for the list. */
    private static FormErrors listFields(FormErrors errors) {
        FormErrors fielded = FormErrors.none();
        for (FormErrors.Entry entry : errors.entries()) {
            fielded = fielded.and(entry.field() == null ? FormErrors.general(entry.message())
                    : FormErrors.field(entry.field().replaceFirst("\\[(\\d+)]$", ""), entry.message()));
        }
        return fielded;
    }

    private FormErrors violations(HttpRequest<?> request, Object command) {
        var violations = validator.validate(command);
        return violations.isEmpty() ? FormErrors.none()
                : listFields(FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), layouts.texts(request)));
    }

    private static List<Option> options(Texts texts, String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> Option.of(v.name(), texts.of(prefix, v))).toList();
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record BoardQueuePage(Layout layout, Page<ChallengeSummary> queue, String href, Instant now) {

        boolean overdue(ChallengeSummary challenge) {
            return challenge.adviceDueAt() != null && !now.isBefore(challenge.adviceDueAt());
        }

        String adviceHref(ChallengeSummary challenge) {
            return PROPOSAL + challenge.id() + "/advies";
        }
    }

    record AdvicePage(Layout layout, ChallengeDetail challenge, String publicHref, String queueHref, boolean advises,
                      @Nullable AdviceView advice, List<Option> positions, Map<String, String> form, FormErrors errors,
                      Instant now) {

        boolean open() {
            return challenge.status() == ChallengeStatus.SUBMITTED;
        }

        boolean overdue() {
            return challenge.adviceDueAt() != null && !now.isBefore(challenge.adviceDueAt());
        }

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    /** One of the official's lists; {@code name} is also the query parameter of its next page. */
    record Queue(String name, Page<ChallengeSummary> items) {
    }

    record OfficialQueuesPage(Layout layout, List<Queue> queues, String href, Instant now) {

        boolean overdue(ChallengeSummary challenge) {
            return challenge.status() == ChallengeStatus.SUBMITTED && challenge.adviceDueAt() != null
                    && !now.isBefore(challenge.adviceDueAt());
        }

        String proposalHref(ChallengeSummary challenge) {
            return PROPOSAL + challenge.id();
        }
    }

    record OfficialPage(Layout layout, ChallengeDetail challenge, String publicHref, String queuesHref,
                        @Nullable AdviceView advice, boolean mayStartAssessment, Instant now, List<Option> decisions,
                        List<Option> outcomes, List<Option> scores, Map<String, String> form, FormErrors errors) {

        boolean is(String status) {
            return challenge.status() == ChallengeStatus.valueOf(status);
        }

        boolean adviceOverdue() {
            return challenge.adviceDueAt() != null && !now.isBefore(challenge.adviceDueAt());
        }

        String value(String field) {
            return form.getOrDefault(field, "");
        }

        List<String> criteria() {
            return CRITERIA;
        }

        String action(String step) {
            return PROPOSAL + challenge.id() + "/" + step;
        }

        List<Option> eligibleChoices() {
            return List.of(Option.of("true", layout.t("portal.challenge.eligibility.yes")),
                    Option.of("false", layout.t("portal.challenge.eligibility.no")));
        }
    }

    /**
     * The fields of a workspace form as typed, with what could not be read at all (an amount that is
     * not euros and cents, a date that is no date, an unknown choice) reported beside its field; the
     * rest the command's validation and the service check.
     */
    record ParsedForm(Map<String, String> form, Texts texts, List<FormErrors> problems) {

        private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu")
                .withResolverStyle(ResolverStyle.STRICT);

        static ParsedForm of(Map<String, String> form, Texts texts) {
            return new ParsedForm(form, texts, new ArrayList<>());
        }

        void problem(String field, String code) {
            problems.add(FormErrors.field(field, texts.t(code)));
        }

        @Nullable
        String text(String field) {
            String value = form.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Nullable
        <E extends Enum<E>> E choice(String field, Class<E> type, Set<E> allowed) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                E chosen = Enum.valueOf(type, value);
                if (allowed.contains(chosen)) {
                    return chosen;
                }
            } catch (IllegalArgumentException unknown) {
                // reported below, as for a value that is not offered
            }
            problem(field, "portal.form.unknownChoice");
            return null;
        }

        @Nullable
        Integer score(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            if (!value.matches("[1-5]")) {
                problem(field, "portal.form.unknownChoice");
                return null;
            }
            return Integer.valueOf(value);
        }

        @Nullable
        LocalDate date(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            LocalDate date = parseDate(value);
            if (date == null) {
                problem(field, "portal.challengeWorkspace.form.date");
            }
            return date;
        }

        /** One date a line; null (so "required") when there is none, and an error beside the field for a line that is no date. */
        @Nullable
        List<LocalDate> dates(String field) {
            List<String> lines = lines(field);
            if (lines == null) {
                return null;
            }
            List<LocalDate> dates = new ArrayList<>();
            for (String line : lines) {
                LocalDate date = parseDate(line);
                if (date == null) {
                    problems.add(FormErrors.field(field, texts.t("portal.challengeWorkspace.form.dateLine", "line", line)));
                    return null;
                }
                dates.add(date);
            }
            return dates;
        }

        /** The non-empty lines of a text area; null when there is none. */
        @Nullable
        List<String> lines(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            return value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }

        /** Euros with a decimal comma (or point), at most two decimals: never rounded. Empty is no amount. */
        @Nullable
        Long cents(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            Long cents = EuroAmounts.parse(value);
            if (cents == null) {
                problem(field, "portal.form.euros");
            }
            return cents;
        }

        @Nullable
        private static LocalDate parseDate(String value) {
            for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DUTCH_DATE)) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException notThisFormat) {
                    // the next format
                }
            }
            return null;
        }

        FormErrors errors() {
            return problems.stream().reduce(FormErrors.none(), FormErrors::and);
        }
    }

    /**
     * The workspace entries: one per wijkplatform whose board the person sits on (chair or secretary),
     * one per municipality they are an official of.
     */
    @Singleton
    static class Workspaces implements Workspace {

        private final RoleAssignmentService roles;
        private final GeographyService geography;

        Workspaces(RoleAssignmentService roles, GeographyService geography) {
            this.roles = roles;
            this.geography = geography;
        }

        @Override
        public int getOrder() {
            return 50;
        }

        @Override
        public List<Entry> entriesFor(UUID accountId, Texts texts) {
            List<Entry> entries = new ArrayList<>();
            List<UUID> platforms = Stream.concat(roles.scopesOf(accountId, Role.CHAIR).stream(),
                    roles.scopesOf(accountId, Role.SECRETARY).stream()).distinct().toList();
            for (UUID platform : platforms) {
                entries.add(new Entry(texts.t("portal.challengeWorkspace.entry.board", "platform",
                        geography.getWijkplatform(platform).name()), texts.t("portal.challengeWorkspace.entry.board.description"),
                        boardHref(platform)));
            }
            for (UUID municipality : roles.scopesOf(accountId, Role.OFFICIAL)) {
                entries.add(new Entry(texts.t("portal.challengeWorkspace.entry.official", "municipality",
                        geography.getMunicipality(municipality).name()),
                        texts.t("portal.challengeWorkspace.entry.official.description"), officialHref(municipality)));
            }
            return entries;
        }
    }
}
