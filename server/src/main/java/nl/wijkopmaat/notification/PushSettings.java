package nl.wijkopmaat.notification;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** How the outbox dispatcher works; see {@code wijkopmaat.push} in application.yml. */
@ConfigurationProperties("wijkopmaat.push")
record PushSettings(
        int batchSize,
        int batchesInFlight,
        Duration lease,
        int maxAttempts,
        Duration firstRetry,
        Duration maxRetry,
        Duration retention) {
}
