package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of the inbox, newest first, with the number of unread items in the whole inbox. */
@Serdeable
record Inbox(List<NotificationView> items, @Nullable String nextCursor, long unreadCount) {
}
