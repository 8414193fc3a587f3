package nl.wijkopmaat.support;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.FirebaseMessaging;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The real Firebase Admin SDK, with test credentials and {@link FakeFcm} as its HTTP transport: no
 * network, but the very requests the SDK would send.
 */
@Factory
@Requires(env = Environment.TEST)
@Requires(property = "wijkopmaat.push.test-transport", value = "true", defaultValue = "true")
public class TestFirebase {

    private FirebaseApp app;

    /**
     * Records every request unless {@code wijkopmaat.push.test-transport-records} is false (benchmarks:
     * memory), and answers after {@code wijkopmaat.push.test-transport-round-trip} (default at once).
     */
    @Singleton
    FakeFcm fakeFcm(@Value("${wijkopmaat.push.test-transport-records:true}") boolean record,
                    @Value("${wijkopmaat.push.test-transport-round-trip:0s}") Duration roundTrip) {
        return new FakeFcm(record, roundTrip);
    }

    @Singleton
    FirebaseMessaging firebaseMessaging(FakeFcm transport, ThreadManager sendThreads) {
        GoogleCredentials credentials = GoogleCredentials.create(
                new AccessToken("test-access-token", Date.from(Instant.parse("2099-01-01T00:00:00Z"))));
        FirebaseOptions options = FirebaseOptions.builder()
                .setCredentials(credentials)
                .setProjectId("demo")
                .setHttpTransport(transport)
                .setThreadManager(sendThreads)
                .build();
        app = FirebaseApp.initializeApp(options, "test-" + UUID.randomUUID());
        return FirebaseMessaging.getInstance(app);
    }

    @PreDestroy
    void close() {
        if (app != null) {
            app.delete();
        }
    }
}
