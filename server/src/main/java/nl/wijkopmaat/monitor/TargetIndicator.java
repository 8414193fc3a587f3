package nl.wijkopmaat.monitor;

/** The shares a municipality can set a target for, each in percent. */
public enum TargetIndicator {
    /** Active residents (last twelve months) of the inhabitants. */
    ACTIVE_SHARE,
    /** Volunteers (last twelve months) of the inhabitants. */
    VOLUNTEER_SHARE,
    /** Answers to initiatives in the quarter that came within their term. */
    ANSWERED_IN_TERM_SHARE,
    /** Paid of the year's municipal allocation of the wijkbudget. */
    BUDGET_SPENT_SHARE
}
