package nl.wijkopmaat.common.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The one source of "now", so tests can move time instead of waiting for it. It ticks in whole
 * seconds: MariaDB through Connector/J keeps no fractions, so a time read back must equal the time
 * just written, on every database.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.tickSeconds(ZoneOffset.UTC);
    }
}
