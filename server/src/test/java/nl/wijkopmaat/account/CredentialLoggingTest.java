package nl.wijkopmaat.account;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.CapturedLog;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token, password or Authorization header reaches the log, not even with Micronaut Security and
 * the application logging at TRACE, as when someone debugs sign-in.
 */
@MicronautTest(transactional = false)
class CredentialLoggingTest {

    private static final List<String> DEBUGGED = List.of("io.micronaut.security", "io.micronaut.http.server", "nl.wijkopmaat");

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> configuredLevels = new HashMap<>();
    private CapturedLog captured;

    @BeforeEach
    void captureAtTrace() {
        for (String name : DEBUGGED) {
            configuredLevels.put(name, logging.getLogger(name).getLevel());
            logging.getLogger(name).setLevel(Level.TRACE);
        }
        captured = CapturedLog.everything();
    }

    @AfterEach
    void restore() {
        captured.close();
        configuredLevels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    }

    @Test
    void aHugeForgedRefreshTokenIsNotLogged() {
        String forged = randomText(100_000);
        assertThat(refresh(forged).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token").invalidInput()
                .rawBody("grant_type=refresh_token&refresh_token=" + forged, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .send().status()).isEqualTo(401);
        String dotted = forged.substring(0, 30_000) + "." + forged.substring(30_000, 60_000) + "." + forged.substring(60_000);
        assertThat(refresh(dotted).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout").json(Map.of("refresh_token", forged)).send().status()).isEqualTo(204);

        assertThat(captured.events()).as("something was logged at all").isNotEmpty();
        assertNotLogged(forged);
    }

    @Test
    void forgedAccessTokensAndBasicCredentialsAreNotLogged() {
        String forged = randomText(6_000);
        String dotted = forged.substring(0, 2_000) + "." + forged.substring(2_000, 4_000) + "." + forged.substring(4_000);
        assertThat(api.get("/api/v1/me").token(forged).send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me").token(dotted).send().status()).isEqualTo(401);
        String password = randomText(40);
        String basic = Base64.getEncoder().encodeToString(("someone@example.org:" + password).getBytes(UTF_8));
        assertThat(api.get("/api/v1/me").header("Authorization", "Basic " + basic).send().status()).isEqualTo(401);

        assertNotLogged(forged);
        assertNotLogged(password);
        assertNotLogged(basic);
    }

    @Test
    void realTokensAndPasswordsAreNotLogged() {
        Fixtures.Person person = fixtures.resident(fixtures.municipality().id());
        String wrongPassword = randomText(100_000);
        ApiResponse failed = api.post("/api/v1/auth/login").invalidInput()
                .json(Map.of("username", person.email(), "password", wrongPassword)).send();
        assertThat(failed.status()).isEqualTo(401);
        ApiResponse login = api.post("/api/v1/auth/login")
                .json(Map.of("username", person.email(), "password", Fixtures.PASSWORD)).send();
        ApiResponse refreshed = refresh(login.text("/refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").token(refreshed.text("/access_token")).send().status()).isEqualTo(200);
        assertThat(refresh(login.text("/refresh_token")).status()).as("reuse").isEqualTo(401);

        for (String secret : List.of(login.text("/access_token"), login.text("/refresh_token"),
                refreshed.text("/access_token"), refreshed.text("/refresh_token"), wrongPassword, Fixtures.PASSWORD)) {
            assertNotLogged(secret);
        }
        assertNotLogged(person.email());
    }

    private ApiResponse refresh(String refreshToken) {
        return api.post("/api/v1/auth/token")
                .json(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).send();
    }

    /** Neither the whole secret nor any piece of it of 16 characters or more. */
    private void assertNotLogged(String secret) {
        int piece = Math.min(16, secret.length());
        List<String> leaks = captured.events().stream()
                .filter(event -> {
                    String text = event.getFormattedMessage()
                            + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
                    for (int start = 0; start + piece <= secret.length(); start += piece) {
                        if (text.contains(secret.substring(start, start + piece))) {
                            return true;
                        }
                    }
                    return false;
                })
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": "
                        + event.getFormattedMessage().substring(0, Math.min(200, event.getFormattedMessage().length())))
                .toList();
        assertThat(leaks).as("log lines with a piece of a secret").isEmpty();
    }

    private static String randomText(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}
