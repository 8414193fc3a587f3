package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.notification.NotificationCommands.DeviceRegistration;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

    /** Returns the device and whether it is new to this account. */
    @Transactional
    Registered register(UUID accountId, DeviceRegistration registration) {
        Instant now = clock.instant();
        String locale = registration.locale() == null ? "nl" : registration.locale();
        Optional<Device> existing = devices.findByTokenHashForUpdate(Hashing.sha256Hex(registration.token()));
        if (existing.isPresent() && existing.get().accountId().equals(accountId)) {
            Device device = existing.get();
            Device updated = devices.update(new Device(device.id(), accountId, device.token(), device.tokenHash(),
                    registration.platform(), locale, registration.appVersion(), device.createdAt(), now));
            return new Registered(updated, false);
        }
        // A token that moves becomes a new device: pushes still queued for the previous account's
        // device are never delivered to the new one.
        existing.ifPresent(devices::delete);
        Device device = devices.save(new Device(UUID.randomUUID(), accountId, registration.token(),
                Hashing.sha256Hex(registration.token()), registration.platform(), locale, registration.appVersion(), now, now));
        return new Registered(device, true);
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
