package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.notification.NotificationCommands.DeviceRegistration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * FCM registration tokens per person. A token belongs to one device, so registering a token that
 * another account had moves it: the phone changed hands or accounts.
 */
@Singleton
class DeviceService {

    private final DeviceRepository devices;
    private final Clock clock;

    DeviceService(DeviceRepository devices, Clock clock) {
        this.devices = devices;
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
        devices.upsert(candidateId, accountId, registration.token(), tokenHash, registration.platform().name(), locale,
                registration.appVersion(), now);
        Device device = devices.findByTokenHashForUpdate(tokenHash).orElseThrow();
        return new Registered(device, device.id().equals(candidateId));
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
