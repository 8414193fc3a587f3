package nl.wijkopmaat.initiative;

/** What a review decides, and the lifecycle transition that carries it out. */
enum ReviewDecision {
    APPROVE(InitiativeTransition.APPROVE, false),
    REJECT(InitiativeTransition.REJECT, true),
    REQUEST_CHANGES(InitiativeTransition.REQUEST_CHANGES, true);

    private final InitiativeTransition transition;
    private final boolean reasonRequired;

    ReviewDecision(InitiativeTransition transition, boolean reasonRequired) {
        this.transition = transition;
        this.reasonRequired = reasonRequired;
    }

    InitiativeTransition transition() {
        return transition;
    }

    boolean reasonRequired() {
        return reasonRequired;
    }
}
