package nl.wijkopmaat.common;

import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token that is presented is checked, also where a token is optional: an app with an
 * expired token learns to refresh instead of silently seeing the public view.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresentedTokenTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TokenGenerator tokens;

    private UUID municipalityId;
    private Person author;
    private String draftId;

    @BeforeAll
    void setUp() {
        municipalityId = fixtures.municipality().id();
        WijkDetail wijk = fixtures.wijk(municipalityId);
        author = fixtures.resident(municipalityId);
        draftId = api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of(
                "title", "Moestuin op het plein", "description", "Samen groente kweken", "theme", "GROEN",
                "wijkId", wijk.id().toString(), "requestedBudgetCents", 0)).send().text("/id");
    }

    /** The operations that take a token when there is one and answer without one too. */
    Stream<Arguments> optionalTokenOperations() {
        return Stream.of(
                Arguments.of("/api/v1/initiatives"),
                Arguments.of("/api/v1/initiatives/" + draftId),
                Arguments.of("/api/v1/initiatives/" + draftId + "/status-changes"),
                Arguments.of("/api/v1/initiatives/" + draftId + "/reviews"),
                Arguments.of("/api/v1/initiatives/" + draftId + "/comments"),
                Arguments.of("/api/v1/municipalities"),
                Arguments.of("/api/v1/municipalities/" + municipalityId + "/wijken"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionalTokenOperations")
    void anExpiredTokenIs401(String path) {
        assertInvalidToken(api.get(path).token(expiredToken()).send());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionalTokenOperations")
    void forgedTokensAre401(String path) {
        assertInvalidToken(api.get(path).token("garbage").send());
        assertInvalidToken(api.get(path).token(unsignedToken()).send());
        assertInvalidToken(api.get(path).token(withOtherSignature(author.accessToken())).send());
    }

    @Test
    void theAuthorStillSeesTheDraftWithAValidToken() {
        assertThat(api.get("/api/v1/initiatives/" + draftId).token(author.accessToken()).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/initiatives/" + draftId).send().status()).isEqualTo(404);
    }

    @Test
    void aStaleTokenDoesNotStopSigningIn() {
        ApiResponse response = api.post("/api/v1/auth/login").token(expiredToken())
                .json(Map.of("username", author.email(), "password", Fixtures.PASSWORD)).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aMissingTokenOnAProtectedOperationAsksForABearerToken() {
        ApiResponse response = api.get("/api/v1/me").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private void assertInvalidToken(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    private String expiredToken() {
        Instant issued = Instant.now().minusSeconds(3600);
        return tokens.generateToken(Map.of("sub", author.id().toString(), "iat", Date.from(issued),
                "exp", Date.from(issued.plusSeconds(900)))).orElseThrow();
    }

    private String unsignedToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"sub\":\"" + author.id() + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static String withOtherSignature(String token) {
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        return token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    }
}
