package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.common.error.ApiException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static nl.wijkopmaat.challenge.ChallengeStatus.ACCEPTED;
import static nl.wijkopmaat.challenge.ChallengeStatus.ADVISED;
import static nl.wijkopmaat.challenge.ChallengeStatus.CO_CREATION;
import static nl.wijkopmaat.challenge.ChallengeStatus.DRAFT;
import static nl.wijkopmaat.challenge.ChallengeStatus.ELIGIBLE;
import static nl.wijkopmaat.challenge.ChallengeStatus.EVALUATED;
import static nl.wijkopmaat.challenge.ChallengeStatus.INTAKE;
import static nl.wijkopmaat.challenge.ChallengeStatus.IN_ASSESSMENT;
import static nl.wijkopmaat.challenge.ChallengeStatus.IN_EXECUTION;
import static nl.wijkopmaat.challenge.ChallengeStatus.NOT_ELIGIBLE;
import static nl.wijkopmaat.challenge.ChallengeStatus.REJECTED;
import static nl.wijkopmaat.challenge.ChallengeStatus.SUBMITTED;
import static nl.wijkopmaat.challenge.ChallengeStatus.WITHDRAWN;

/**
 * The Right to Challenge lifecycle as one state machine: every action on a proposal, the states it
 * may be taken in, the state it leads to (none for a step that keeps the status, such as an edit or a
 * progress report), and the parties who may take it. NOT_ELIGIBLE, REJECTED, CO_CREATION, EVALUATED
 * and WITHDRAWN end the proposal: they accept nothing.
 */
public enum ChallengeAction {
    EDIT(null, EnumSet.of(DRAFT, ELIGIBLE), EnumSet.of(Party.MEMBER)),
    JOIN(null, Constants.GROUP_OPEN, EnumSet.of(Party.RESIDENT)),
    HAND_OVER(null, Constants.GROUP_OPEN, EnumSet.of(Party.CONTACT)),
    SUBMIT_INTAKE(INTAKE, EnumSet.of(DRAFT), EnumSet.of(Party.CONTACT)),
    DECLARE_ELIGIBLE(ELIGIBLE, EnumSet.of(INTAKE), EnumSet.of(Party.OFFICIAL)),
    DECLARE_NOT_ELIGIBLE(NOT_ELIGIBLE, EnumSet.of(INTAKE), EnumSet.of(Party.OFFICIAL)),
    SUBMIT_PLAN(SUBMITTED, EnumSet.of(ELIGIBLE), EnumSet.of(Party.CONTACT)),
    ADVISE(ADVISED, EnumSet.of(SUBMITTED), EnumSet.of(Party.CHAIR)),
    /** From SUBMITTED only once the advice period is over: the assessment then starts without advice. */
    START_ASSESSMENT(IN_ASSESSMENT, EnumSet.of(SUBMITTED, ADVISED), EnumSet.of(Party.OFFICIAL)),
    ACCEPT(ACCEPTED, EnumSet.of(IN_ASSESSMENT), EnumSet.of(Party.OFFICIAL)),
    REJECT(REJECTED, EnumSet.of(IN_ASSESSMENT), EnumSet.of(Party.OFFICIAL)),
    CO_CREATE(CO_CREATION, EnumSet.of(IN_ASSESSMENT), EnumSet.of(Party.OFFICIAL)),
    /** The agreement is recorded, and may be corrected, until its start date moves the proposal on. */
    AGREE(null, EnumSet.of(ACCEPTED), EnumSet.of(Party.OFFICIAL)),
    START_EXECUTION(IN_EXECUTION, EnumSet.of(ACCEPTED), EnumSet.of(Party.SYSTEM)),
    REPORT(null, EnumSet.of(IN_EXECUTION), EnumSet.of(Party.MEMBER)),
    EVALUATE(EVALUATED, EnumSet.of(IN_EXECUTION), EnumSet.of(Party.OFFICIAL)),
    WITHDRAW(WITHDRAWN, EnumSet.of(DRAFT, INTAKE, ELIGIBLE, SUBMITTED, ADVISED, IN_ASSESSMENT), EnumSet.of(Party.CONTACT));

    /** How a person relates to one proposal. */
    enum Party {
        /** Any participant of the proposal's municipality. */
        RESIDENT,
        /** A member of the initiating group. */
        MEMBER,
        /** The group's contact person, its first initiator unless the role was handed over. */
        CONTACT,
        /** The chair of the wijkplatform of the proposal's wijk. */
        CHAIR,
        /** An official of the proposal's municipality. */
        OFFICIAL,
        /** The server itself, on a date the proposal agreed. */
        SYSTEM
    }

    private static final class Constants {
        static final Set<ChallengeStatus> GROUP_OPEN =
                EnumSet.of(DRAFT, INTAKE, ELIGIBLE, SUBMITTED, ADVISED, IN_ASSESSMENT, ACCEPTED, IN_EXECUTION);
    }

    private final @Nullable ChallengeStatus target;
    private final Set<ChallengeStatus> sources;
    private final Set<Party> parties;

    ChallengeAction(@Nullable ChallengeStatus target, Set<ChallengeStatus> sources, Set<Party> parties) {
        this.target = target;
        this.sources = sources;
        this.parties = parties;
    }

    /** Whether this action changes the status, and so leaves a line in the history. */
    boolean changesStatus() {
        return target != null;
    }

    boolean allowedFrom(ChallengeStatus status) {
        return sources.contains(status);
    }

    /** The status after this action; a 409 when the lifecycle does not allow it from {@code current}. */
    ChallengeStatus from(ChallengeStatus current) {
        if (!allowedFrom(current)) {
            throw ApiException.conflict("problem.conflict.challenge.transition",
                    Map.of("action", name(), "status", current.name()));
        }
        return target == null ? current : target;
    }

    /** A 403 unless the actor is one of the parties who may take this action. */
    void requireParty(Set<Party> actorParties) {
        if (actorParties.stream().noneMatch(parties::contains)) {
            throw ApiException.forbidden("problem.forbidden.challenge." + parties.iterator().next().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Whether a client asks for this step on {@code status-changes}; the others have a resource of their own. */
    boolean requestedDirectly() {
        return this == SUBMIT_INTAKE || this == SUBMIT_PLAN || this == WITHDRAW || this == START_ASSESSMENT;
    }
}
