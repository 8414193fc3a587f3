package nl.wijkopmaat.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import nl.wijkopmaat.challenge.AdvicePosition;
import nl.wijkopmaat.challenge.ChallengeAction;
import nl.wijkopmaat.challenge.ChallengeCommands.AdviceRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AgreementRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AssessmentRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.ChallengeCreate;
import nl.wijkopmaat.challenge.ChallengeCommands.CriterionScore;
import nl.wijkopmaat.challenge.ChallengeCommands.EligibilityDecision;
import nl.wijkopmaat.challenge.ChallengeCommands.EvaluationRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.ProgressReportCreate;
import nl.wijkopmaat.challenge.ChallengeCommands.Scores;
import nl.wijkopmaat.challenge.ChallengeCommands.StatusChangeRequest;
import nl.wijkopmaat.challenge.ChallengeService;
import nl.wijkopmaat.challenge.ChallengeStatus;
import nl.wijkopmaat.challenge.Decision;
import nl.wijkopmaat.challenge.EvaluationOutcome;
import nl.wijkopmaat.challenge.LegalForm;
import nl.wijkopmaat.common.i18n.Messages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Right to Challenge proposals of the demo wijk, one in each state worth seeing: a draft, one
 * waiting for the platform's advice, one in assessment, one in execution with a progress report,
 * and an evaluated one. Each is taken through the real lifecycle, by the demo resident, chair and
 * official; one that exists already is left as it is.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class DemoChallenges {

    private static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");

    private record Demo(String title, String task, String plan, long centsPerYear, ChallengeStatus reach) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("Beheer van de speeltuin aan de Sluiskade",
                    "Het dagelijks beheer en de kleine reparaties van de speeltuin aan de Sluiskade.",
                    "Ouders uit de buurt openen en sluiten de speeltuin en melden of verhelpen kleine gebreken.",
                    600_000, ChallengeStatus.DRAFT),
            new Demo("Groenonderhoud Sluispolder West",
                    "Het maaien en snoeien van de plantsoenen in Sluispolder West.",
                    "Een groep van vijftien buren onderhoudt de plantsoenen, begeleid door een hovenier.",
                    1_800_000, ChallengeStatus.SUBMITTED),
            new Demo("Buurthuis De Sluis in eigen beheer",
                    "Het beheer en de verhuur van buurthuis De Sluis.",
                    "Een stichting van bewoners neemt het beheer over en verhuurt zalen aan buurtclubs.",
                    4_500_000, ChallengeStatus.IN_ASSESSMENT),
            new Demo("Schoonhouden van de Binnenstad",
                    "Het prikken van zwerfafval in de straten van de Binnenstad.",
                    "Elke zaterdag prikken buren zwerfafval, met materiaal van de gemeente.",
                    900_000, ChallengeStatus.IN_EXECUTION),
            new Demo("Onderhoud van de bloembakken Sluispolder Oost",
                    "Het planten en water geven van de bloembakken langs de Govert van Wijnkade.",
                    "Een vaste groep van tien buren verzorgt de bloembakken van april tot oktober.",
                    300_000, ChallengeStatus.EVALUATED));

    private final ChallengeService challenges;
    private final Clock clock;

    DemoChallenges(ChallengeService challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    void load(UUID wijkId, UUID initiator, UUID chair, UUID official) {
        for (Demo demo : DEMOS) {
            if (challenges.findByTitle(wijkId, demo.title()).isEmpty()) {
                take(demo, wijkId, initiator, chair, official);
            }
        }
    }

    private void take(Demo demo, UUID wijkId, UUID initiator, UUID chair, UUID official) {
        UUID id = challenges.create(initiator, new ChallengeCreate(demo.title(), demo.task(), wijkId, null,
                "Bewonersgroep " + demo.title(), LegalForm.OTHER, demo.plan(), demo.centsPerYear(),
                "Buren ontmoeten elkaar en voelen zich verantwoordelijk voor hun buurt.",
                "Een buurtavond en een rondgang langs de deuren.", 45)).id();
        ChallengeStatus reach = demo.reach();
        if (reach == ChallengeStatus.DRAFT) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(MUNICIPAL_TIME));
        step(id, initiator, ChallengeAction.SUBMIT_INTAKE);
        challenges.decideEligibility(id, official, new EligibilityDecision(true,
                "Een gemeentelijke taak die niet bij wet is voorgeschreven.", demo.centsPerYear() + 200_000));
        step(id, initiator, ChallengeAction.SUBMIT_PLAN);
        if (reach == ChallengeStatus.SUBMITTED) {
            return;
        }
        challenges.advise(id, chair, new AdviceRequest(AdvicePosition.SUPPORT,
                "Het wijkplatform steunt dit: de buurt neemt zelf verantwoordelijkheid."));
        step(id, official, ChallengeAction.START_ASSESSMENT);
        if (reach == ChallengeStatus.IN_ASSESSMENT) {
            return;
        }
        CriterionScore good = new CriterionScore(4, "Goed onderbouwd en getoond in de buurt.");
        challenges.assess(id, official, new AssessmentRequest(new Scores(good, good, good, good, good), Decision.ACCEPTED,
                "College van burgemeester en wethouders", today.minusMonths(4), "De groep doet het beter en goedkoper."));
        LocalDate start = today.minusMonths(3);
        LocalDate firstMoment = today.minusMonths(1);
        challenges.agree(id, official, new AgreementRequest(demo.task(), demo.centsPerYear(), start, start.plusYears(1),
                List.of(firstMoment, start.plusMonths(6), start.plusYears(1)), List.of("Wijkregisseur Maassluis")));
        challenges.report(id, initiator, new ProgressReportCreate(firstMoment,
                "Het werk loopt volgens plan; de buurt doet goed mee.", demo.centsPerYear() / 5));
        if (reach == ChallengeStatus.EVALUATED) {
            challenges.evaluate(id, official, new EvaluationRequest(EvaluationOutcome.CONTINUE,
                    "Beter onderhouden dan voorheen, binnen het budget: de groep gaat door."));
        }
    }

    private void step(UUID id, UUID actor, ChallengeAction action) {
        challenges.changeStatus(id, actor, new StatusChangeRequest(action, null), Messages.DUTCH);
    }
}
