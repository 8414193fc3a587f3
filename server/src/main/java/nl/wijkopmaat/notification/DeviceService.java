package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.common.audit.AuditLog;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.notification.NotificationCommands.DeviceRegistration;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * FCM registration tokens per person, at most {@value #MAX_DEVICES} (a new one drops the oldest). A
 * token belongs to one device, so registering a token that another account had moves it (the phone
 * changed hands or accounts), which the audit log records.
 */
@Singleton
class DeviceService {

    /** The oldest devices of an account beyond this are dropped. */
    static final int MAX_DEVICES = 10;

    private final DeviceRepository devices;
    private final AuditLog audit;
    private final Clock clock;

    DeviceService(DeviceRepository devices, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Returns the device and whether it is new to this account. Idempotent, also when the same
     * registration arrives several times at once: one request creates the device, the others find it.
     * A token that moves becomes a new device (a new id), so pushes still queued for the previous
     * account's device are never delivered to it.
     */
    @Transactional
    Registered register(UUID accountId, DeviceRegistration registration) {
        Instant now = clock.instant();
        String locale = registration.locale() == null ? "nl" : registration.locale();
        String tokenHash = Hashing.sha256Hex(registration.token());
        UUID candidateId = UUID.randomUUID();
        // A plain read, locking nothing: only to tell a move in the audit log.
        Optional<String> previousOwner = devices.findOwner(tokenHash);
        devices.upsert(candidateId, accountId, registration.token(), tokenHash, registration.platform().name(), locale,
                registration.appVersion(), now);
        Device device = devices.findByTokenHashForUpdate(tokenHash).orElseThrow();
        boolean created = device.id().equals(candidateId);
        if (created) {
            previousOwner.filter(owner -> !owner.equals(accountId.toString())).ifPresent(owner ->
                    audit.record("device.moved", accountId, Map.of("device", device.id(), "from", owner)));
            int dropped = devices.deleteBeyondNewest(accountId, device.id(), MAX_DEVICES);
            if (dropped > 0) {
                audit.record("device.dropped-oldest", accountId, Map.of("dropped", dropped));
            }
        }
        return new Registered(device, created);
    }

    @Transactional
    void remove(UUID accountId, UUID deviceId) {
        if (devices.deleteOwn(deviceId, accountId) == 0) {
            throw ApiException.notFound("problem.notFound.device");
        }
    }

    record Registered(Device device, boolean created) {
    }
}
