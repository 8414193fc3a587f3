package nl.wijkopmaat.account;

enum AccountStatus {
    ACTIVE,
    /** Personal data removed on the person's request; content they wrote stays, anonymous. */
    ERASED
}
