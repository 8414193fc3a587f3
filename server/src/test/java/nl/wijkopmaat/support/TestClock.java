package nl.wijkopmaat.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time in whole seconds, as in production, until a test moves it.
 */
@Singleton
@Requires(env = Environment.TEST)
@Replaces(Clock.class)
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Moves the clock so that it now reads {@code instant}. */
    public void setTo(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Moves the clock to midday today in Amsterdam: outside the default quiet hours of push, whenever tests run. */
    public void setToMiddayInAmsterdam() {
        setTo(ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")).withHour(12).truncatedTo(ChronoUnit.HOURS).toInstant());
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.SECONDS);
    }
}
