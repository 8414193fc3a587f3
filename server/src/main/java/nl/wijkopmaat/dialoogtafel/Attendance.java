package nl.wijkopmaat.dialoogtafel;

/** What an organiser recorded for a confirmed participant after the start. */
enum Attendance {
    PRESENT, ABSENT
}
