package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;

/** Where pushes leave the server: Firebase Cloud Messaging, or nowhere when push is off. */
interface PushGateway {

    /** False when no credentials are configured: the inbox works, nothing is queued for push. */
    boolean enabled();

    /** Sends each message; the results are in the order of the messages. */
    List<Result> send(List<Message> messages);

    /** What the app needs: title and body, and data to de-duplicate and open the right screen. */
    record Message(String token, String title, String body, String notificationId, String kind, String resourceType,
                   String resourceId) {
    }

    sealed interface Result permits Sent, Retry, TokenGone, Rejected {
    }

    record Sent(String messageId) implements Result {
    }

    /** A temporary failure; {@code retryAfter} when the service said how long to wait. */
    record Retry(String reason, @Nullable Duration retryAfter) implements Result {
    }

    /** The token will never work again (unregistered, invalid, other sender): forget it. */
    record TokenGone(String reason) implements Result {
    }

    /** A permanent failure of this message that says nothing about the token. */
    record Rejected(String reason) implements Result {
    }
}
