package nl.wijkopmaat.volunteering;

/** What a coordinator recorded for a volunteer after the shift. */
public enum HoursOutcome {
    PRESENT, NO_SHOW
}
