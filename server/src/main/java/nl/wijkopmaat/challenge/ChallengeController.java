package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.challenge.ChallengeCommands.AdviceRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AgreementRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AssessmentRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.ChallengeChanges;
import nl.wijkopmaat.challenge.ChallengeCommands.ChallengeCreate;
import nl.wijkopmaat.challenge.ChallengeCommands.ContactHandover;
import nl.wijkopmaat.challenge.ChallengeCommands.EligibilityDecision;
import nl.wijkopmaat.challenge.ChallengeCommands.EvaluationRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.ProgressReportCreate;
import nl.wijkopmaat.challenge.ChallengeCommands.StatusChangeRequest;
import nl.wijkopmaat.challenge.ChallengeService.Joined;
import nl.wijkopmaat.challenge.ChallengeViews.AdviceView;
import nl.wijkopmaat.challenge.ChallengeViews.AgreementView;
import nl.wijkopmaat.challenge.ChallengeViews.AssessmentView;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeDetail;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeSummary;
import nl.wijkopmaat.challenge.ChallengeViews.EligibilityView;
import nl.wijkopmaat.challenge.ChallengeViews.EvaluationView;
import nl.wijkopmaat.challenge.ChallengeViews.MemberView;
import nl.wijkopmaat.challenge.ChallengeViews.ProgressReportView;
import nl.wijkopmaat.challenge.ChallengeViews.StatusChangeView;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/challenges")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ChallengeController {

    private final ChallengeService challenges;
    private final Messages messages;

    ChallengeController(ChallengeService challenges, Messages messages) {
        this.challenges = challenges;
        this.messages = messages;
    }

    private static @Nullable UUID viewer(@Nullable Authentication authentication) {
        return authentication == null ? null : Callers.accountId(authentication);
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<ChallengeSummary> list(@Valid @RequestBean ChallengeListQuery query, @Valid @RequestBean PageRequest page,
                                @Nullable Authentication authentication) {
        return challenges.list(query, viewer(authentication), page);
    }

    @Post
    @Idempotent
    HttpResponse<ChallengeDetail> create(@Valid @Body ChallengeCreate command, Authentication authentication) {
        ChallengeDetail created = challenges.create(Callers.accountId(authentication), command);
        return HttpResponse.created(created, URI.create("/api/v1/challenges/" + created.id()));
    }

    @Get("/{challengeId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ChallengeDetail get(@PathVariable UUID challengeId, @Nullable Authentication authentication) {
        return challenges.get(challengeId, viewer(authentication));
    }

    @Patch("/{challengeId}")
    ChallengeDetail update(@PathVariable UUID challengeId, @Valid @Body ChallengeChanges changes,
                           Authentication authentication) {
        return challenges.update(challengeId, Callers.accountId(authentication), changes);
    }

    @Get("/{challengeId}/members")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<MemberView> members(@PathVariable UUID challengeId, @Valid @RequestBean PageRequest page,
                             @Nullable Authentication authentication) {
        return challenges.members(challengeId, viewer(authentication), page);
    }

    @Post("/{challengeId}/members")
    @Idempotent
    HttpResponse<MemberView> join(@PathVariable UUID challengeId, Authentication authentication) {
        Joined joined = challenges.join(challengeId, Callers.accountId(authentication));
        return joined.created()
                ? HttpResponse.created(joined.member(), URI.create("/api/v1/challenges/" + challengeId + "/members"))
                : HttpResponse.ok(joined.member());
    }

    @Put("/{challengeId}/contact-person")
    ChallengeDetail handOver(@PathVariable UUID challengeId, @Valid @Body ContactHandover handover,
                             Authentication authentication) {
        return challenges.handOver(challengeId, Callers.accountId(authentication), handover.accountId());
    }

    @Get("/{challengeId}/status-changes")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<StatusChangeView> history(@PathVariable UUID challengeId, @Valid @RequestBean PageRequest page,
                                   @Nullable Authentication authentication, HttpRequest<?> request) {
        return challenges.history(challengeId, viewer(authentication), page, messages.locale(request));
    }

    @Post("/{challengeId}/status-changes")
    @Idempotent
    HttpResponse<StatusChangeView> changeStatus(@PathVariable UUID challengeId, @Valid @Body StatusChangeRequest change,
                                                Authentication authentication, HttpRequest<?> request) {
        StatusChangeView made = challenges.changeStatus(challengeId, Callers.accountId(authentication), change,
                messages.locale(request));
        return HttpResponse.created(made, URI.create("/api/v1/challenges/" + challengeId + "/status-changes"));
    }

    @Get("/{challengeId}/eligibility")
    @Secured(SecurityRule.IS_ANONYMOUS)
    EligibilityView eligibility(@PathVariable UUID challengeId, @Nullable Authentication authentication) {
        return challenges.eligibility(challengeId, viewer(authentication));
    }

    @Put("/{challengeId}/eligibility")
    EligibilityView decideEligibility(@PathVariable UUID challengeId, @Valid @Body EligibilityDecision decision,
                                      Authentication authentication) {
        return challenges.decideEligibility(challengeId, Callers.accountId(authentication), decision);
    }

    @Get("/{challengeId}/advice")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AdviceView advice(@PathVariable UUID challengeId, @Nullable Authentication authentication) {
        return challenges.advice(challengeId, viewer(authentication));
    }

    @Put("/{challengeId}/advice")
    AdviceView advise(@PathVariable UUID challengeId, @Valid @Body AdviceRequest advice, Authentication authentication) {
        return challenges.advise(challengeId, Callers.accountId(authentication), advice);
    }

    @Get("/{challengeId}/assessment")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AssessmentView assessment(@PathVariable UUID challengeId, @Nullable Authentication authentication) {
        return challenges.assessment(challengeId, viewer(authentication));
    }

    @Put("/{challengeId}/assessment")
    AssessmentView assess(@PathVariable UUID challengeId, @Valid @Body AssessmentRequest assessment,
                          Authentication authentication) {
        return challenges.assess(challengeId, Callers.accountId(authentication), assessment);
    }

    @Get("/{challengeId}/agreement")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AgreementView agreement(@PathVariable UUID challengeId, @Nullable Authentication authentication) {
        return challenges.agreement(challengeId, viewer(authentication));
    }

    @Put("/{challengeId}/agreement")
    AgreementView agree(@PathVariable UUID challengeId, @Valid @Body AgreementRequest agreement,
                        Authentication authentication) {
        return challenges.agree(challengeId, Callers.accountId(authentication), agreement);
    }

    @Get("/{challengeId}/progress-reports")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<ProgressReportView> reports(@PathVariable UUID challengeId, @Valid @RequestBean PageRequest page,
                                     @Nullable Authentication authentication) {
        return challenges.reports(challengeId, viewer(authentication), page);
    }

    @Post("/{challengeId}/progress-reports")
    @Idempotent
    HttpResponse<ProgressReportView> report(@PathVariable UUID challengeId, @Valid @Body ProgressReportCreate report,
                                            Authentication authentication) {
        ProgressReportView made = challenges.report(challengeId, Callers.accountId(authentication), report);
        return HttpResponse.created(made, URI.create("/api/v1/challenges/" + challengeId + "/progress-reports"));
    }

    @Get("/{challengeId}/evaluation")
    @Secured(SecurityRule.IS_ANONYMOUS)
    EvaluationView evaluation(@PathVariable UUID challengeId, @Nullable Authentication authentication) {
        return challenges.evaluation(challengeId, viewer(authentication));
    }

    @Put("/{challengeId}/evaluation")
    EvaluationView evaluate(@PathVariable UUID challengeId, @Valid @Body EvaluationRequest evaluation,
                            Authentication authentication) {
        return challenges.evaluate(challengeId, Callers.accountId(authentication), evaluation);
    }
}
