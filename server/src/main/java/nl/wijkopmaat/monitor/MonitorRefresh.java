package nl.wijkopmaat.monitor;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import nl.wijkopmaat.geography.GeographyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;

/**
 * Refreshes every municipality's monitor every {@code wijkopmaat.monitor.refresh-interval}. A
 * municipality refreshed by any instance within half the interval is passed over, so with several
 * instances each is refreshed about once per interval and its figures are never older than the
 * interval plus a refresh.
 */
@Singleton
class MonitorRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRefresh.class);

    private final GeographyService geography;
    private final MonitorSnapshots snapshots;
    private final Duration freshFor;

    MonitorRefresh(GeographyService geography, MonitorSnapshots snapshots,
                   @Value("${wijkopmaat.monitor.refresh-interval}") Duration interval) {
        this.geography = geography;
        this.snapshots = snapshots;
        this.freshFor = interval.dividedBy(2);
    }

    @Scheduled(fixedDelay = "${wijkopmaat.monitor.refresh-interval}", initialDelay = "${wijkopmaat.monitor.first-refresh}")
    void refreshAll() {
        for (UUID municipalityId : geography.municipalityIds()) {
            try {
                snapshots.refresh(municipalityId, freshFor);
            } catch (RuntimeException e) {
                LOG.error("Refreshing the participation monitor of municipality {} failed; it is tried again", municipalityId, e);
            }
        }
    }
}
