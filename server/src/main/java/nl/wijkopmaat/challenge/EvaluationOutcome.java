package nl.wijkopmaat.challenge;

/** What the municipality concludes when it evaluates a taken-over task. */
public enum EvaluationOutcome {
    CONTINUE, ADJUST, END
}
