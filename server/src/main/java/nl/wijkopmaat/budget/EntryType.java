package nl.wijkopmaat.budget;

/** What a ledger entry records. */
enum EntryType {
    /** The municipal amount set or changed by the difference (negative when lowered). */
    ALLOCATION,
    /** Partner money (cofinanciering). */
    CONTRIBUTION,
    /** A grant waiting for its second board member: the money is reserved. */
    GRANT_RESERVED,
    /** A grant committed: at once, or on confirmation of a reserved one. */
    GRANT_COMMITTED,
    /** A pending grant cancelled: its reservation is free again. */
    GRANT_CANCELLED,
    PAYOUT,
    /** What a grant did not use, back in the year's available money. */
    RELEASE,
    CARRY_OVER_OUT,
    CARRY_OVER_IN,
    RETURNED
}
