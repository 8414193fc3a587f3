package nl.wijkopmaat.notification;

import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends through Firebase Cloud Messaging with {@code sendEach} and sorts each outcome into sent,
 * retry later, token gone, or rejected.
 */
@Singleton
class FirebasePushGateway implements PushGateway, ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirebasePushGateway.class);
    /** FCM accepts at most 500 messages per sendEach call. */
    static final int MAX_PER_CALL = 500;
    private static final long ANDROID_TTL_MILLIS = Duration.ofDays(2).toMillis();

    private final FirebaseMessaging messaging;

    FirebasePushGateway(Optional<FirebaseMessaging> messaging) {
        this.messaging = messaging.orElse(null);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (messaging == null) {
            LOG.warn("Push notifications are OFF: no Firebase credentials configured (GOOGLE_APPLICATION_CREDENTIALS). "
                    + "The in-app inbox still works.");
        } else {
            LOG.info("Push notifications are on (Firebase Cloud Messaging)");
        }
    }

    @Override
    public boolean enabled() {
        return messaging != null;
    }

    @Override
    public List<Result> send(List<Message> batch) {
        List<Result> results = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += MAX_PER_CALL) {
            List<Message> slice = batch.subList(from, Math.min(batch.size(), from + MAX_PER_CALL));
            results.addAll(sendSlice(slice));
        }
        return results;
    }

    private List<Result> sendSlice(List<Message> slice) {
        List<com.google.firebase.messaging.Message> messages = slice.stream().map(FirebasePushGateway::toFcm).toList();
        try {
            BatchResponse response = messaging.sendEach(messages);
            return response.getResponses().stream().map(FirebasePushGateway::result).toList();
        } catch (FirebaseMessagingException e) {
            // The whole call failed (e.g. authentication): every message is tried again later.
            Result retry = new Retry(describe(e), retryAfter(e.getHttpResponse()));
            return slice.stream().map(message -> retry).toList();
        }
    }

    static com.google.firebase.messaging.Message toFcm(Message message) {
        return com.google.firebase.messaging.Message.builder()
                .setToken(message.token())
                .setNotification(com.google.firebase.messaging.Notification.builder()
                        .setTitle(message.title()).setBody(message.body()).build())
                .putData("notificationId", message.notificationId())
                .putData("kind", message.kind())
                .putData("resourceType", message.resourceType())
                .putData("resourceId", message.resourceId())
                .setAndroidConfig(AndroidConfig.builder()
                        .setPriority(AndroidConfig.Priority.HIGH)
                        .setTtl(ANDROID_TTL_MILLIS)
                        .setNotification(AndroidNotification.builder()
                                .setChannelId("wijkopmaat_updates")
                                .setTag(message.notificationId())
                                .build())
                        .build())
                .setApnsConfig(ApnsConfig.builder()
                        .putHeader("apns-priority", "10")
                        .putHeader("apns-collapse-id", message.notificationId())
                        .setAps(Aps.builder().setSound("default").setThreadId(message.resourceId()).build())
                        .build())
                .build();
    }

    /**
     * Only what is known to be permanent is given up: a dead token, or a message FCM will never
     * accept. Everything else (timeouts, resets, 5xx, quotas, credentials being rotated) is retried.
     */
    private static Result result(SendResponse response) {
        if (response.isSuccessful()) {
            return new Sent(response.getMessageId());
        }
        FirebaseMessagingException error = response.getException();
        MessagingErrorCode code = error.getMessagingErrorCode();
        String reason = describe(error);
        if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH
                || (code == MessagingErrorCode.INVALID_ARGUMENT && aboutTheToken(error))) {
            return new TokenGone(reason);
        }
        if (code == MessagingErrorCode.INVALID_ARGUMENT) {
            return new Rejected(reason);
        }
        return new Retry(reason, retryAfter(error.getHttpResponse()));
    }

    private static boolean aboutTheToken(FirebaseMessagingException error) {
        String message = error.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("registration token");
    }

    private static String describe(FirebaseMessagingException error) {
        String code = error.getMessagingErrorCode() != null ? error.getMessagingErrorCode().name() : error.getErrorCode().name();
        return code + ": " + error.getMessage();
    }

    private static @Nullable Duration retryAfter(@Nullable IncomingHttpResponse response) {
        if (response == null) {
            return null;
        }
        Object header = response.getHeaders().get("retry-after");
        if (header instanceof List<?> values && !values.isEmpty()) {
            header = values.get(0);
        }
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.toString().trim()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
