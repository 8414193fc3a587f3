package nl.wijkopmaat.common.time;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serde;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every time in a response has one shape, {@code 2026-05-01T09:30:00.000Z}: UTC, milliseconds, so
 * clients can parse it with one pattern whatever precision the database kept. Times in requests are
 * RFC 3339 with any offset.
 */
@Singleton
class InstantSerde implements Serde<Instant> {

    private static final DateTimeFormatter MILLISECONDS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Instant> type, Instant value)
            throws IOException {
        encoder.encodeString(MILLISECONDS_UTC.format(value));
    }

    @Override
    public Instant deserialize(Decoder decoder, DecoderContext context, Argument<? super Instant> type) throws IOException {
        return OffsetDateTime.parse(decoder.decodeString()).toInstant();
    }
}
