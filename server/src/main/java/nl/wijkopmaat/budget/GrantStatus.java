package nl.wijkopmaat.budget;

public enum GrantStatus {
    PENDING, COMMITTED, CANCELLED
}
