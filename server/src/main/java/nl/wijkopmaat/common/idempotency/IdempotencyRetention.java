package nl.wijkopmaat.common.idempotency;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Idempotency keys protect retries, not history: stored responses are dropped after the retention.
 */
@Singleton
class IdempotencyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyRepository repository;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRetention(IdempotencyRepository repository, Clock clock,
                         @Value("${wijkopmaat.idempotency.retention}") Duration retention) {
        this.repository = repository;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void deleteExpired() {
        int deleted = repository.deleteCreatedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("Removed {} expired idempotency records", deleted);
        }
    }
}
