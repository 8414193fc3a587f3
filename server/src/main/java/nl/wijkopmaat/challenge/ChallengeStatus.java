package nl.wijkopmaat.challenge;

/** Where a Right to Challenge proposal is in its lifecycle; see {@link ChallengeAction} for the steps. */
public enum ChallengeStatus {
    DRAFT, INTAKE, ELIGIBLE, NOT_ELIGIBLE, SUBMITTED, ADVISED, IN_ASSESSMENT, ACCEPTED, REJECTED, CO_CREATION,
    IN_EXECUTION, EVALUATED, WITHDRAWN;

    /** Everyone may read a proposal once it left the group's drafting table. */
    boolean isPublic() {
        return this != DRAFT;
    }
}
