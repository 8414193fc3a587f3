package nl.wijkopmaat.volunteering;

/** Where a shift is in its life, from its status and the clock. */
public enum ShiftPhase {
    UPCOMING, RUNNING, PAST, CANCELLED
}
