package nl.wijkopmaat.initiative;

import java.util.EnumSet;
import java.util.Set;

public enum InitiativeStatus {
    DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, REJECTED, FUNDED, IN_PROGRESS, COMPLETED, WITHDRAWN;

    private static final Set<InitiativeStatus> OPEN_FOR_SUPPORT =
            EnumSet.of(SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, FUNDED, IN_PROGRESS);

    /** Neighbours can back an initiative from submission until it is carried out. */
    boolean openForSupport() {
        return OPEN_FOR_SUPPORT.contains(this);
    }
}
