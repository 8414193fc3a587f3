package nl.wijkopmaat.monitor;

/**
 * A figure of the snapshot, kept per quarter and area. {@link #people()} figures count persons and
 * are withheld when 1 to 4; the others count acts, tables, minutes or money.
 */
public enum Figure {
    REGISTERED_RESIDENTS(true),
    ACTIVE_RESIDENTS(true),
    VOLUNTEERS(true),
    VOLUNTEER_MINUTES(false),
    INITIATIVES_SUBMITTED(false),
    INITIATIVES_APPROVED(false),
    INITIATIVES_COMPLETED(false),
    ANSWERS(false),
    ANSWERS_IN_TERM(false),
    /** Median working days to an answer, in tenths (a median of an even count may end in .5). */
    ANSWER_MEDIAN_TENTHS(false),
    DIALOOGTAFELS_HELD(false),
    DIALOOGTAFEL_ATTENDANCE(true),
    BUDGET_ALLOCATED_CENTS(false),
    BUDGET_GRANTED_CENTS(false),
    BUDGET_PAID_CENTS(false),
    INHABITANTS(false),
    HOUSEHOLDS(false),
    INHABITANTS_YEAR(false),
    INHABITANTS_DEMO(false);

    private final boolean people;

    Figure(boolean people) {
        this.people = people;
    }

    public boolean people() {
        return people;
    }
}
