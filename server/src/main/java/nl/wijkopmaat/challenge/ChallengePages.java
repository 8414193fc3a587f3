package nl.wijkopmaat.challenge;

import gg.jte.Content;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.wijkopmaat.challenge.ChallengeService.Joined;
import nl.wijkopmaat.challenge.ChallengeViews.AdviceView;
import nl.wijkopmaat.challenge.ChallengeViews.AgreementView;
import nl.wijkopmaat.challenge.ChallengeViews.AssessmentView;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeDetail;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeSummary;
import nl.wijkopmaat.challenge.ChallengeViews.EligibilityView;
import nl.wijkopmaat.challenge.ChallengeViews.EvaluationView;
import nl.wijkopmaat.challenge.ChallengeViews.ProgressReportView;
import nl.wijkopmaat.challenge.ChallengeViews.ScoreView;
import nl.wijkopmaat.challenge.ChallengeViews.StatusChangeView;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Right to Challenge pages of the portal: a proposal with its history and every step taken so far
 * (eligibility, the wijkplatform's advice, the assessment, the agreement, progress reports and the
 * evaluation), where a signed-in resident joins the initiating group; and the wijk's proposals on its page.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class ChallengePages {

    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    private final ChallengeService challenges;
    private final GeographyService geography;
    private final Layouts layouts;

    ChallengePages(ChallengeService challenges, GeographyService geography, Layouts layouts) {
        this.challenges = challenges;
        this.geography = geography;
        this.layouts = layouts;
    }

    static String href(String gemeente, UUID id) {
        return "/" + gemeente + "/uitdagingen/" + id;
    }

    @Get("/{gemeente}/uitdagingen/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication) {
        return detail(request, gemeente, id, authentication, FormErrors.none());
    }

    @Post("/{gemeente}/uitdagingen/{id}/deelnemen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> join(HttpRequest<?> request, String gemeente, UUID id, @Nullable Authentication authentication,
                                @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Texts texts = layouts.texts(request);
        try {
            Joined joined = challenges.join(id, Callers.accountId(authentication));
            if (!joined.created()) {
                // The service answers a second join with the first one; on the page it is a refusal that changed nothing.
                return HttpResponse.status(HttpStatus.CONFLICT).body(detail(request, gemeente, id, authentication,
                        FormErrors.general(texts.t("portal.challenge.join.alreadyMember"))));
            }
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status())
                    .body(detail(request, gemeente, id, authentication, FormErrors.of(refused, texts)));
        }
        return Redirects.to(href(gemeente, id) + "#groep");
    }

    private ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, String gemeente, UUID id,
                                                      @Nullable Authentication authentication, FormErrors errors) {
        UUID viewer = authentication == null ? null : Callers.accountId(authentication);
        ChallengeDetail challenge = challenges.get(id, viewer);
        Texts texts = layouts.texts(request);
        List<StatusChangeView> history = challenges.history(id, viewer, ALL, texts.locale()).items();
        WijkDetail wijk = geography.getWijk(challenge.wijkId());
        Layout layout = layouts.of(request, "portal.challenge.title").titled(challenge.title());
        return new ModelAndView<>("challenge/detail", Map.of("page", new DetailPage(layout, challenge, wijk.name(),
                "/" + gemeente + "/wijken/" + Slugs.of(wijk.name()), href(gemeente, id), history, steps(id, viewer, challenge, history),
                viewer != null, ChallengeAction.JOIN.allowedFrom(challenge.status()), errors)));
    }

    /**
     * Every step's getter answers 404 until the step is taken; the history says which were taken, so
     * only those are read. Only the agreement leaves no line in the history until it starts.
     */
    private Steps steps(UUID id, @Nullable UUID viewer, ChallengeDetail challenge, List<StatusChangeView> history) {
        Set<ChallengeAction> taken = history.stream().map(StatusChangeView::action)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChallengeAction.class)));
        EligibilityView eligibility = taken.contains(ChallengeAction.DECLARE_ELIGIBLE)
                || taken.contains(ChallengeAction.DECLARE_NOT_ELIGIBLE) ? challenges.eligibility(id, viewer) : null;
        AdviceView advice = taken.contains(ChallengeAction.ADVISE) || taken.contains(ChallengeAction.START_ASSESSMENT)
                ? challenges.advice(id, viewer) : null;
        AssessmentView assessment = taken.contains(ChallengeAction.ACCEPT) || taken.contains(ChallengeAction.REJECT)
                || taken.contains(ChallengeAction.CO_CREATE) ? challenges.assessment(id, viewer) : null;
        boolean started = taken.contains(ChallengeAction.START_EXECUTION);
        AgreementView agreement = started ? challenges.agreement(id, viewer)
                : challenge.status() == ChallengeStatus.ACCEPTED ? agreementIfRecorded(id, viewer) : null;
        List<ProgressReportView> reports = started ? challenges.reports(id, viewer, ALL).items() : List.of();
        EvaluationView evaluation = taken.contains(ChallengeAction.EVALUATE) ? challenges.evaluation(id, viewer) : null;
        return new Steps(eligibility, advice, assessment, agreement, reports, evaluation);
    }

    private @Nullable AgreementView agreementIfRecorded(UUID id, @Nullable UUID viewer) {
        try {
            return challenges.agreement(id, viewer);
        } catch (ApiException notYet) {
            if (notYet.status() == HttpStatus.NOT_FOUND) {
                return null;
            }
            throw notYet;
        }
    }

    record Steps(@Nullable EligibilityView eligibility, @Nullable AdviceView advice, @Nullable AssessmentView assessment,
                 @Nullable AgreementView agreement, List<ProgressReportView> reports, @Nullable EvaluationView evaluation) {

        /** The five criteria in the order of the assessment form, each with its message code. */
        List<Score> scores() {
            if (assessment == null) {
                return List.of();
            }
            var s = assessment.scores();
            return List.of(new Score("quality", s.quality()), new Score("cost", s.cost()),
                    new Score("socialValue", s.socialValue()), new Score("support", s.support()),
                    new Score("ownership", s.ownership()));
        }
    }

    record Score(String criterion, ScoreView score) {
    }

    record DetailPage(Layout layout, ChallengeDetail challenge, String wijkName, String wijkHref, String href,
                      List<StatusChangeView> history, Steps steps, boolean signedIn, boolean groupOpen, FormErrors errors) {

        boolean mayJoin() {
            return signedIn && groupOpen && challenge.myRole() == null;
        }
    }

    /** The wijk's newest proposals on its page, with their status and what they ask. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private static final int SHOWN = 10;

        private final ChallengeService challenges;
        private final Templates templates;

        WijkSection(ChallengeService challenges, Templates templates) {
            this.challenges = challenges;
            this.templates = templates;
        }

        @Override
        public int getOrder() {
            return 50;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            List<ChallengeSummary> shown = challenges.list(new ChallengeListQuery(null, wijk.wijkId(), null, null, null), viewer,
                    PageRequest.first(SHOWN)).items();
            return templates.content("challenge/section", Map.of("section",
                    new Section(layout, shown, "/" + wijk.municipalitySlug() + "/uitdagingen/")));
        }
    }

    record Section(Layout layout, List<ChallengeSummary> challenges, String hrefBase) {
    }
}
