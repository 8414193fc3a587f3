package nl.wijkopmaat.challenge;

/** The competent body's decision on an assessed proposal, and the step it is in the lifecycle. */
public enum Decision {
    ACCEPTED(ChallengeAction.ACCEPT), REJECTED(ChallengeAction.REJECT), CO_CREATION(ChallengeAction.CO_CREATE);

    private final ChallengeAction action;

    Decision(ChallengeAction action) {
        this.action = action;
    }

    ChallengeAction action() {
        return action;
    }
}
