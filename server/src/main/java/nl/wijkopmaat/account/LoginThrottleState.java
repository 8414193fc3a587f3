package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("login_throttle")
record LoginThrottleState(@Id String emailHash, int failures, Instant windowStart, @Nullable Instant lockedUntil) {
}
