package nl.wijkopmaat.notification;

/** What a notification is about; a person switches push on or off per category. */
public enum NotificationCategory {
    MY_INITIATIVES, SUPPORTED_INITIATIVES, DIALOOGTAFELS, VOLUNTEERING, WIJKBUDGET, RIGHT_TO_CHALLENGE, REMINDERS
}
