package nl.wijkopmaat.challenge;

/**
 * The legal form of an initiating group, when it has one: an association (vereniging), a foundation
 * (stichting), a cooperative (coöperatie), or none of these (e.g. a residents' collective).
 */
public enum LegalForm {
    ASSOCIATION, FOUNDATION, COOPERATIVE, OTHER
}
