package nl.wijkopmaat.notification;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * The push benchmark with FCM answering after 30 ms, as a round trip to Google takes: the send
 * pool must hide the round trips, so that one instance delivers about as much as with an FCM that
 * answers at once.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.push.test-transport-records", value = "false")
@Property(name = "wijkopmaat.push.test-transport-round-trip", value = "30ms")
class PushRoundTripBenchmark extends PushThroughputBenchmark {
}
