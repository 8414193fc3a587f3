package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
record DeviceView(UUID id, Platform platform, String locale, @Nullable String appVersion, Instant createdAt) {

    static DeviceView of(Device device) {
        return new DeviceView(device.id(), device.platform(), device.locale(), device.appVersion(), device.createdAt());
    }
}
