package nl.wijkopmaat.volunteering;

/** An open opportunity takes new shifts and sign-ups; a closed one keeps what it had. */
public enum OpportunityStatus {
    OPEN, CLOSED
}
