package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.i18n.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Title and body of a notification in one language, rendered from its stored message code and
 * arguments at the moment they are read: the inbox in the reader's language, a push in its device's.
 */
@Singleton
class NotificationTexts {

    private static final Argument<Map<String, Object>> ARGS = Argument.mapOf(String.class, Object.class);
    private static final Argument<Map<String, String>> STRING_ARGS = Argument.mapOf(String.class, String.class);

    private final Messages messages;
    private final JsonMapper json;

    NotificationTexts(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    record Texts(String title, String body) {
    }

    String encode(Map<String, String> args) {
        try {
            return json.writeValueAsString(args);
        } catch (IOException e) {
            throw new UncheckedIOException("Notification arguments are plain strings and always encode", e);
        }
    }

    /** The arguments as {@link #encode} stored them. */
    Map<String, String> decodeArgs(String messageArgs) {
        try {
            return json.readValue(messageArgs, STRING_ARGS);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored notification arguments are not JSON", e);
        }
    }

    /** Items stored before message codes existed keep the texts they were stored with. */
    Texts render(@Nullable String messageKey, @Nullable String messageArgs, @Nullable String storedTitle,
                 @Nullable String storedBody, Locale locale) {
        if (messageKey == null) {
            return new Texts(storedTitle, storedBody);
        }
        Map<String, Object> args = decode(messageArgs);
        return new Texts(messages.get(messageKey + ".title", locale, args),
                messages.get(messageKey + ".body", locale, args));
    }

    Texts render(Notification notification, Locale locale) {
        return render(notification.messageKey(), notification.messageArgs(), notification.title(), notification.body(),
                locale);
    }

    private Map<String, Object> decode(@Nullable String messageArgs) {
        if (messageArgs == null) {
            return Map.of();
        }
        try {
            return json.readValue(messageArgs, ARGS);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored notification arguments are not JSON", e);
        }
    }
}
