package nl.wijkopmaat.volunteering;

public enum ShiftStatus {
    SCHEDULED, CANCELLED
}
