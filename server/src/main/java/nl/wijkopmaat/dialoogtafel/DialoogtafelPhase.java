package nl.wijkopmaat.dialoogtafel;

/** Where a dialoogtafel is in its life, from its status and the clock. */
enum DialoogtafelPhase {
    UPCOMING, RUNNING, ENDED, CANCELLED
}
