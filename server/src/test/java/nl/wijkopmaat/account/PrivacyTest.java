package nl.wijkopmaat.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PrivacyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    AccountService accounts;

    @Test
    void exportContainsTheAccountsData() {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Vogelbuurt");
        Person chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        api.patch("/api/v1/me").token(chair.accessToken())
                .json(Map.of("buurtId", wijk.buurten().get(0).id().toString(), "locale", "en")).send();

        ApiResponse export = api.get("/api/v1/me/export").token(chair.accessToken()).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text("/accountId")).isEqualTo(chair.id().toString());
        assertThat(export.text("/sections/account/profile/email")).isEqualTo(chair.email());
        assertThat(export.text("/sections/account/profile/wijkId")).isEqualTo(wijk.id().toString());
        assertThat(export.text("/sections/account/profile/locale")).isEqualTo("en");
        assertThat(export.text("/sections/account/roleHistory/0/action")).isEqualTo("GRANTED");
        assertThat(export.json().at("/sections/account/signIns")).isNotEmpty();
    }

    @Test
    void erasureBlocksSignInAndRemovesTheExport() {
        MunicipalityView municipality = fixtures.municipality();
        Person person = fixtures.resident(municipality.id());

        assertThat(api.delete("/api/v1/me").token(person.accessToken()).send().status()).isEqualTo(204);

        ApiResponse login = api.post("/api/v1/auth/login")
                .json(Map.of("username", person.email(), "password", Fixtures.PASSWORD)).send();
        assertThat(login.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/export").token(person.accessToken()).send().status())
                .as("the still unexpired token no longer opens anything").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token").rawBody("grant_type=refresh_token&refresh_token=" + person.refreshToken(),
                io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE).send().status()).isEqualTo(401);

        AccountRef erased = accounts.findByIds(java.util.List.of(person.id())).get(person.id());
        assertThat(erased.email()).isNull();
        assertThat(erased.displayName()).isNull();
        assertThat(accounts.findActiveByEmail(person.email())).isEmpty();
    }

    @Test
    void aPersonCanRegisterAgainWithAnErasedEmail() {
        MunicipalityView municipality = fixtures.municipality();
        Person person = fixtures.resident(municipality.id());
        api.delete("/api/v1/me").token(person.accessToken()).send();
        ApiResponse again = api.post("/api/v1/accounts").json(Map.of("email", person.email(), "password", "een nieuw wachtwoord",
                "displayName", "Terug", "municipalityId", municipality.id().toString())).send();
        assertThat(again.status()).isEqualTo(201);
    }
}
