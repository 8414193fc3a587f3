package nl.wijkopmaat.volunteering;

import nl.wijkopmaat.common.error.ApiException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static nl.wijkopmaat.volunteering.ShiftPhase.PAST;
import static nl.wijkopmaat.volunteering.ShiftPhase.UPCOMING;

/**
 * The shift's life as one state machine: for every action, the phases it may happen in and the
 * parties who may take it. Signing up and leaving happen before the start; the organiser changes or
 * cancels a shift before it starts; hours are confirmed after it ended.
 */
enum ShiftAction {
    SIGN_UP(EnumSet.of(UPCOMING), EnumSet.of(Party.RESIDENT), "signUp"),
    LEAVE(EnumSet.of(UPCOMING), EnumSet.of(Party.RESIDENT), "leave"),
    CHANGE(EnumSet.of(UPCOMING), EnumSet.of(Party.ORGANISER, Party.MANAGER, Party.COORDINATOR), "change"),
    CANCEL(EnumSet.of(UPCOMING), EnumSet.of(Party.ORGANISER, Party.MANAGER, Party.COORDINATOR), "cancel"),
    CONFIRM_HOURS(EnumSet.of(PAST), EnumSet.of(Party.ORGANISER, Party.COORDINATOR), "hours");

    /** How a person relates to an opportunity and its shifts. */
    enum Party {
        /** Anyone signed in; whether they may take part is the account's rule. */
        RESIDENT,
        /** The chair or official who created the opportunity: also its first coordinator. */
        ORGANISER,
        /** The chair of the wijk's platform, or an official of the municipality: may run any of its opportunities. */
        MANAGER,
        /** A registered person the organiser named to run the shifts and confirm the hours. */
        COORDINATOR
    }

    private final Set<ShiftPhase> phases;
    private final Set<Party> parties;
    private final String code;

    ShiftAction(Set<ShiftPhase> phases, Set<Party> parties, String code) {
        this.phases = phases;
        this.parties = parties;
        this.code = code;
    }

    /** A 403 unless the actor is one of the parties who may take this action. */
    void requireParty(Set<Party> actorParties) {
        if (actorParties.stream().noneMatch(parties::contains)) {
            throw ApiException.forbidden(parties.contains(Party.MANAGER)
                    ? "problem.forbidden.volunteering.organiser" : "problem.forbidden.volunteering.coordinator");
        }
    }

    /** A 409 naming the shift's phase when this action cannot happen in it. */
    void requirePhase(ShiftPhase phase) {
        if (!phases.contains(phase)) {
            throw ApiException.conflict("problem.conflict.shift." + code, Map.of("phase", phase.name()));
        }
    }
}
