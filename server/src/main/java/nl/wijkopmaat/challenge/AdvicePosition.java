package nl.wijkopmaat.challenge;

/** The wijkplatform's advice on a proposal; NONE records that the assessment started without advice. */
public enum AdvicePosition {
    SUPPORT, NEUTRAL, OPPOSE, NONE
}
