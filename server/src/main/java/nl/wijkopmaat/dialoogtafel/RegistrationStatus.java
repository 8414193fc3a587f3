package nl.wijkopmaat.dialoogtafel;

/** A seat at the table, or a place on its waiting list. */
enum RegistrationStatus {
    CONFIRMED, WAITLISTED
}
