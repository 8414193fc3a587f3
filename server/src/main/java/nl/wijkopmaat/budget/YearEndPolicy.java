package nl.wijkopmaat.budget;

/** What happens at year end with money that is neither granted nor reserved, per municipality. */
enum YearEndPolicy {
    /** It goes into the platform's next year (CARRY_OVER_OUT, and CARRY_OVER_IN there). */
    CARRY_OVER,
    /** It goes back to the municipality (RETURNED). */
    RETURN
}
