package nl.wijkopmaat.dialoogtafel;

/** Stored as SCHEDULED or CANCELLED; a scheduled table is shown as HELD once its end has passed. */
enum DialoogtafelStatus {
    SCHEDULED, CANCELLED, HELD
}
