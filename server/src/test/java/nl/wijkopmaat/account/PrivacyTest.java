package nl.wijkopmaat.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Mailbox;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.RecordingContributor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PrivacyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    Mailbox mailbox;
    @Inject
    AccountService accounts;
    @Inject
    RecordingContributor testFeature;

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
        assertThat(export.text("/sections/testFeature/heldFor")).as("every feature contributes").isEqualTo(chair.id().toString());
    }

    @Test
    void erasureBlocksSignInAndRemovesTheExport() {
        MunicipalityView municipality = fixtures.municipality();
        Person person = fixtures.resident(municipality.id());

        assertThat(fixtures.erase(person).status()).isEqualTo(204);

        ApiResponse login = api.post("/api/v1/auth/login")
                .json(Map.of("username", person.email(), "password", Fixtures.PASSWORD)).send();
        assertThat(login.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/export").token(person.accessToken()).send().status())
                .as("the still unexpired token no longer opens anything").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token")
                .json(Map.of("grant_type", "refresh_token", "refresh_token", person.refreshToken())).send().status())
                .isEqualTo(401);

        assertThat(api.get("/api/v1/me").token(person.accessToken()).send().status()).isEqualTo(401);

        AccountRef erased = accounts.findByIds(List.of(person.id())).get(person.id());
        assertThat(erased.email()).isNull();
        assertThat(erased.displayName()).isNull();
        assertThat(accounts.findActiveByEmail(person.email())).isEmpty();
        assertThat(testFeature.erased(person.id())).as("every feature erases its part").isTrue();
    }

    @Test
    void anErasedAccountsTokenOpensNothingAnyMore() {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id());
        Person chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        String members = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members";
        assertThat(api.get(members).token(chair.accessToken()).send().status()).isEqualTo(200);

        fixtures.erase(chair);

        ApiResponse after = api.get(members).token(chair.accessToken()).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me").token(chair.accessToken()).send().json().get("roles")).isNull();
    }

    @Test
    void concurrentProfileUpdatesNeverFailWithAServerError() {
        MunicipalityView municipality = fixtures.municipality();
        Person person = fixtures.resident(municipality.id());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.patch("/api/v1/me").token(person.accessToken())
                            .json(Map.of("displayName", "Naam " + i)).send().status(), pool))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theLastAdminCannotEraseTheirAccount() {
        MunicipalityView municipality = fixtures.municipality();
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        ApiResponse refused = fixtures.erase(admin);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/me").token(admin.accessToken()).send().status()).isEqualTo(200);

        fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        assertThat(fixtures.erase(admin).status()).isEqualTo(204);
    }

    @Test
    void aRetriedRegistrationIsReplayedAndMailsOnce() {
        MunicipalityView municipality = fixtures.municipality();
        String email = "terug-" + java.util.UUID.randomUUID() + "@example.org";
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> registration = Map.of("email", email, "password", Fixtures.PASSWORD,
                "displayName", "Eenmalig", "municipalityId", municipality.id().toString());
        ApiResponse first = api.post("/api/v1/accounts").header("Idempotency-Key", key).json(registration).send();
        ApiResponse retry = api.post("/api/v1/accounts").header("Idempotency-Key", key).json(registration).send();
        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(mailbox.to(email)).hasSize(1);
    }

    @Test
    void aPersonCanRegisterAgainWithAnErasedEmail() {
        MunicipalityView municipality = fixtures.municipality();
        Person person = fixtures.resident(municipality.id());
        fixtures.erase(person);
        ApiResponse again = api.post("/api/v1/accounts").json(Map.of("email", person.email(), "password", "een nieuw wachtwoord",
                "displayName", "Terug", "municipalityId", municipality.id().toString())).send();
        assertThat(again.status()).isEqualTo(202);
        assertThat(mailbox.last(person.email()).subject()).isEqualTo("Bevestig je e-mailadres voor Wijk op Maat");
    }
}
