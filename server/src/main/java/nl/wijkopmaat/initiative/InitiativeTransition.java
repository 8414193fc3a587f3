package nl.wijkopmaat.initiative;

import nl.wijkopmaat.common.error.ApiException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static nl.wijkopmaat.initiative.InitiativeStatus.APPROVED;
import static nl.wijkopmaat.initiative.InitiativeStatus.CHANGES_REQUESTED;
import static nl.wijkopmaat.initiative.InitiativeStatus.COMPLETED;
import static nl.wijkopmaat.initiative.InitiativeStatus.DRAFT;
import static nl.wijkopmaat.initiative.InitiativeStatus.FUNDED;
import static nl.wijkopmaat.initiative.InitiativeStatus.IN_PROGRESS;
import static nl.wijkopmaat.initiative.InitiativeStatus.IN_REVIEW;
import static nl.wijkopmaat.initiative.InitiativeStatus.REJECTED;
import static nl.wijkopmaat.initiative.InitiativeStatus.SUBMITTED;
import static nl.wijkopmaat.initiative.InitiativeStatus.WITHDRAWN;

/**
 * The initiative lifecycle as one state machine: for every transition, the states it may start from,
 * the state it leads to, and the parties who may make it.
 */
public enum InitiativeTransition {
    SUBMIT(SUBMITTED, EnumSet.of(DRAFT), EnumSet.of(Party.AUTHOR)),
    RESUBMIT(SUBMITTED, EnumSet.of(CHANGES_REQUESTED), EnumSet.of(Party.AUTHOR)),
    ASSIGN_OWNER(IN_REVIEW, EnumSet.of(SUBMITTED), EnumSet.of(Party.OFFICIAL)),
    APPROVE(APPROVED, EnumSet.of(IN_REVIEW), EnumSet.of(Party.OWNER, Party.CHAIR)),
    REJECT(REJECTED, EnumSet.of(IN_REVIEW), EnumSet.of(Party.OWNER, Party.CHAIR)),
    REQUEST_CHANGES(CHANGES_REQUESTED, EnumSet.of(IN_REVIEW), EnumSet.of(Party.OWNER, Party.CHAIR)),
    FUND(FUNDED, EnumSet.of(APPROVED), EnumSet.of(Party.CHAIR, Party.SECRETARY)),
    START(IN_PROGRESS, EnumSet.of(APPROVED, FUNDED), EnumSet.of(Party.AUTHOR, Party.CHAIR, Party.OFFICIAL)),
    COMPLETE(COMPLETED, EnumSet.of(IN_PROGRESS), EnumSet.of(Party.AUTHOR, Party.CHAIR, Party.OFFICIAL)),
    WITHDRAW(WITHDRAWN, EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED), EnumSet.of(Party.AUTHOR));

    /** How a person relates to one initiative. */
    enum Party {
        AUTHOR,
        /** The official who owns the initiative's answer. */
        OWNER,
        /** The chair of the wijkplatform of the initiative's wijk. */
        CHAIR,
        /**
         * The secretary of that wijkplatform: funds an initiative when they co-sign the grant that
         * commits the money.
         */
        SECRETARY,
        /** Any official of the initiative's municipality. */
        OFFICIAL
    }

    private final InitiativeStatus target;
    private final Set<InitiativeStatus> sources;
    private final Set<Party> parties;

    InitiativeTransition(InitiativeStatus target, Set<InitiativeStatus> sources, Set<Party> parties) {
        this.target = target;
        this.sources = sources;
        this.parties = parties;
    }

    public InitiativeStatus target() {
        return target;
    }

    /**
     * Whether a client asks for this step on {@code status-changes}; the others follow from an owner
     * assignment, a review or a grant.
     */
    boolean requestedDirectly() {
        return this == SUBMIT || this == RESUBMIT || this == WITHDRAW || this == START || this == COMPLETE;
    }

    InitiativeEvent.Kind eventKind() {
        return switch (this) {
            case SUBMIT -> InitiativeEvent.Kind.SUBMITTED;
            case RESUBMIT -> InitiativeEvent.Kind.RESUBMITTED;
            case ASSIGN_OWNER -> InitiativeEvent.Kind.OWNER_ASSIGNED;
            case APPROVE -> InitiativeEvent.Kind.APPROVED;
            case REJECT -> InitiativeEvent.Kind.REJECTED;
            case REQUEST_CHANGES -> InitiativeEvent.Kind.CHANGES_REQUESTED;
            case FUND -> InitiativeEvent.Kind.FUNDED;
            case START -> InitiativeEvent.Kind.STARTED;
            case COMPLETE -> InitiativeEvent.Kind.COMPLETED;
            case WITHDRAW -> InitiativeEvent.Kind.WITHDRAWN;
        };
    }

    boolean allowedFrom(InitiativeStatus status) {
        return sources.contains(status);
    }

    /** The state after this transition; a 409 when the lifecycle does not allow it from {@code current}. */
    InitiativeStatus from(InitiativeStatus current) {
        if (!allowedFrom(current)) {
            throw ApiException.conflict("problem.conflict.transition", Map.of("action", name(), "status", current.name()));
        }
        return target;
    }

    /** Whether someone with these parts in an initiative may make this transition. */
    boolean madeBy(Set<Party> actorParties) {
        return actorParties.stream().anyMatch(parties::contains);
    }

    /** A 403 unless the actor is one of the parties who may make this transition. */
    void requireParty(Set<Party> actorParties) {
        if (!madeBy(actorParties)) {
            throw ApiException.forbidden("problem.forbidden.transition");
        }
    }
}
