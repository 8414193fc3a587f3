package nl.wijkopmaat.notification;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.FirebaseMessaging;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Firebase Admin SDK, configured from the service account file that
 * {@code GOOGLE_APPLICATION_CREDENTIALS} (or {@code wijkopmaat.push.credentials-path}) names.
 */
@Factory
class FirebaseFactory {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final List<FirebaseApp> apps = new ArrayList<>();

    /** The SDK's send threads, one per message of a batch; see {@link PushSendThreads}. */
    @Singleton
    ThreadManager pushSendThreads(@Value("${wijkopmaat.push.send-threads}") int threads) {
        return new PushSendThreads(threads);
    }

    @Singleton
    @Requires(condition = FirebaseFactory.CredentialsConfigured.class)
    FirebaseMessaging firebaseMessaging(@Value("${wijkopmaat.push.credentials-path}") String credentialsPath,
                                        @Value("${wijkopmaat.push.project-id}") String projectId,
                                        ThreadManager sendThreads) {
        try (InputStream credentials = Files.newInputStream(Path.of(credentialsPath))) {
            // Bounded waits: a hung connection must not outlive the dispatcher's lease on its batch.
            FirebaseOptions.Builder options = FirebaseOptions.builder()
                    .setCredentials(GoogleCredentials.fromStream(credentials))
                    .setThreadManager(sendThreads)
                    .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                    .setReadTimeout(READ_TIMEOUT_MILLIS);
            if (!projectId.isBlank()) {
                options.setProjectId(projectId);
            }
            FirebaseApp app = FirebaseApp.initializeApp(options.build(), "wijkopmaat-" + UUID.randomUUID());
            apps.add(app);
            return FirebaseMessaging.getInstance(app);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Firebase credentials at " + credentialsPath, e);
        }
    }

    @PreDestroy
    void close() {
        apps.forEach(FirebaseApp::delete);
    }

    /** Push is on only when a credentials file is configured. */
    static final class CredentialsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
                return false;
            }
            return properties.getProperty("wijkopmaat.push.credentials-path", String.class)
                    .filter(path -> !path.isBlank()).isPresent();
        }
    }
}
