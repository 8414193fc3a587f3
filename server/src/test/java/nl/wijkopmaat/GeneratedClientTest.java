package nl.wijkopmaat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.client.ApiClient;
import nl.wijkopmaat.client.ApiException;
import nl.wijkopmaat.client.ApiResponse;
import nl.wijkopmaat.client.api.AuthenticationApi;
import nl.wijkopmaat.client.api.InitiativesApi;
import nl.wijkopmaat.client.api.NotificationsApi;
import nl.wijkopmaat.client.model.Initiative;
import nl.wijkopmaat.client.model.InitiativeCreate;
import nl.wijkopmaat.client.model.InitiativePage;
import nl.wijkopmaat.client.model.InitiativeStatus;
import nl.wijkopmaat.client.model.LoginRequest;
import nl.wijkopmaat.client.model.LogoutRequest;
import nl.wijkopmaat.client.model.Theme;
import nl.wijkopmaat.client.model.TokenRefreshRequest;
import nl.wijkopmaat.client.model.TokenResponse;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the server with the Java client that the apps generate from mobile-api-spec/openapi.yaml
 * (openapi-generator, library native; the build generates it into target/generated-test-sources).
 * A spec the generator reads wrongly, or an answer the generated client cannot read, fails here.
 * The calls whose request shape depends on the spec's auth operations are kept in one method each.
 */
@MicronautTest(transactional = false)
class GeneratedClientTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @Test
    void aResidentSignsInRefreshesCreatesADraftMarksTheInboxReadAndSignsOut() throws ApiException {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Centrum");
        Fixtures.Person resident = fixtures.resident(municipality.id());

        AtomicReference<String> accessToken = new AtomicReference<>();
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL() + "/api/v1");
        // The native library has no bearer support of its own; an app adds the header like this.
        client.setRequestInterceptor(request -> {
            if (accessToken.get() != null) {
                request.header("Authorization", "Bearer " + accessToken.get());
            }
        });
        AuthenticationApi authentication = new AuthenticationApi(client);
        InitiativesApi initiatives = new InitiativesApi(client);
        NotificationsApi notifications = new NotificationsApi(client);

        TokenResponse login = login(authentication, resident.email());
        assertThat(login.getAccessToken()).isNotBlank();
        assertThat(login.getRefreshToken()).isNotBlank();

        TokenResponse refreshed = refresh(authentication, login.getRefreshToken());
        assertThat(refreshed.getRefreshToken()).as("the refresh token rotates").isNotEqualTo(login.getRefreshToken());
        accessToken.set(refreshed.getAccessToken());

        InitiativePage before = initiatives.listInitiatives(wijk.id(), null, null, null, null, null, null, null, null, null, null);
        assertThat(before.getItems()).isEmpty();
        assertThat(before.getNextCursor()).isNull();

        Initiative draft = initiatives.createInitiative(new InitiativeCreate()
                .title("Moestuin op het plein")
                .description("Samen met buren een moestuin aanleggen.")
                .theme(Theme.GROEN)
                .wijkId(wijk.id())
                .requestedBudgetCents(150_000L), UUID.randomUUID().toString(), null);
        assertThat(draft.getStatus()).isEqualTo(InitiativeStatus.DRAFT);
        assertThat(draft.getAuthor().getId()).isEqualTo(resident.id());
        assertThat(draft.getOwner_JsonNullable().isPresent()).as("owner is sent, as null").isTrue();
        assertThat(draft.getOwner()).isNull();

        InitiativePage mine = initiatives.listInitiatives(wijk.id(), null, null, null, true, null, null, null, null, null, null);
        assertThat(mine.getItems()).extracting(Initiative::getId).containsExactly(draft.getId());

        assertThat(notifications.markAllNotificationsReadWithHttpInfo(null).getStatusCode()).isEqualTo(204);

        assertThat(logout(authentication, refreshed.getRefreshToken()).getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> refresh(authentication, refreshed.getRefreshToken()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    private static TokenResponse login(AuthenticationApi authentication, String email) throws ApiException {
        return authentication.login(new LoginRequest().username(email).password(Fixtures.PASSWORD), null);
    }

    private static TokenResponse refresh(AuthenticationApi authentication, String refreshToken) throws ApiException {
        return authentication.refreshToken(new TokenRefreshRequest()
                .grantType(TokenRefreshRequest.GrantTypeEnum.REFRESH_TOKEN).refreshToken(refreshToken), null);
    }

    private static ApiResponse<Void> logout(AuthenticationApi authentication, String refreshToken) throws ApiException {
        return authentication.logoutWithHttpInfo(new LogoutRequest().refreshToken(refreshToken), null);
    }
}
