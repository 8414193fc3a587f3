package nl.wijkopmaat.notification;

import java.util.Locale;

/**
 * What a notification is about; a person switches push on or off per category. Initiatives to
 * handle are the work of chairs and officials (submitted, waiting for an owner, owned); my
 * comments is moderation of what the person wrote.
 */
public enum NotificationCategory {
    MY_INITIATIVES, SUPPORTED_INITIATIVES, INITIATIVES_TO_HANDLE, MY_COMMENTS, DIALOOGTAFELS, VOLUNTEERING, WIJKBUDGET,
    RIGHT_TO_CHALLENGE, REMINDERS;

    /**
     * Whether the important notices of this category also come by mail until the person chooses: for
     * dialoogtafels, whose promotions from the waiting list, cancellations and changes of time or
     * place a resident without the app must not miss.
     */
    boolean mailByDefault() {
        return this == DIALOOGTAFELS;
    }

    /** The name of this category's switches in JSON: {@code MY_INITIATIVES} is {@code myInitiatives}. */
    String property() {
        StringBuilder camel = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }
}
