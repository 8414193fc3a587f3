package nl.wijkopmaat.notification;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import nl.wijkopmaat.notification.NotificationCommands.PushSwitches;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads push switches strictly: each is JSON {@code true} or {@code false}. The standard decoder
 * would read {@code "ja"} as false and {@code 1} as true. A switch that is missing or null stays
 * null, so validation names it as required; any other value fails with the switch in the path.
 */
@Singleton
class PushSwitchesDeserializer implements Deserializer<PushSwitches> {

    @Override
    public PushSwitches deserialize(Decoder decoder, DecoderContext context, Argument<? super PushSwitches> type)
            throws IOException {
        JsonNode switches = decoder.decodeNode();
        if (!switches.isObject()) {
            throw decoder.createDeserializationException("Expected an object with a switch per category", null);
        }
        Map<NotificationCategory, Boolean> values = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory category : NotificationCategory.values()) {
            JsonNode value = switches.get(category.property());
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isBoolean()) {
                throw notABoolean(decoder, category, value);
            }
            values.put(category, value.getBooleanValue());
        }
        return PushSwitches.of(values::get);
    }

    private static IOException notABoolean(Decoder decoder, NotificationCategory category, JsonNode value) {
        IOException failure = decoder.createDeserializationException("Expected true or false", value);
        if (failure instanceof SerdeException serde) {
            Argument<Boolean> property = Argument.of(Boolean.class, category.property());
            serde.getPath().add(ReferencePath.ofProperty(PushSwitches.class, property));
        }
        return failure;
    }
}
