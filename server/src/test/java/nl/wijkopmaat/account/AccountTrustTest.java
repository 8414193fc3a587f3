package nl.wijkopmaat.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.CapturedLog;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.Mailbox;
import nl.wijkopmaat.support.Mailbox.Mail;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified addresses, password reset and change, signing out everywhere, erasure with the password,
 * the sign-in throttle per account and the audit log, all through the API.
 */
@MicronautTest(transactional = false)
class AccountTrustTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    Mailbox mailbox;
    @Inject
    TestClock clock;
    @Inject
    AccountService accounts;

    MunicipalityView municipality;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ApiResponse register(String email, String password) {
        return registration(email, password).send();
    }

    /** For passwords the contract itself refuses, sent as a client might anyway. */
    private ApiResponse registerInvalid(String email, String password) {
        return registration(email, password).invalidInput().send();
    }

    private Api.Call registration(String email, String password) {
        return api.post("/api/v1/accounts").json(Map.of("email", email, "password", password,
                "displayName", "Jan de Vries", "municipalityId", municipality.id().toString(), "locale", "nl"));
    }

    private ApiResponse login(String email, String password) {
        return api.post("/api/v1/auth/login").json(Map.of("username", email, "password", password)).send();
    }

    private ApiResponse refresh(String refreshToken) {
        return api.post("/api/v1/auth/token")
                .json(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).send();
    }

    private static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.org";
    }

    private static void assertInvalid(ApiResponse response, String... names) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly(names);
    }

    @Test
    void registeringAnExistingEmailAnswersExactlyLikeANewOneAndSendsTheOtherMail() {
        String email = email("jan");
        ApiResponse first = register(email, "een eigen wachtwoord");
        Person jan = fixtures.signInWith(accounts.findActiveByEmail(email).orElseThrow().id(), email,
                "een eigen wachtwoord");
        fixtures.verify(jan);

        ApiResponse again = register(email.toUpperCase(), "een ander wachtwoord");
        ApiResponse fresh = register(email("nieuw"), "een ander wachtwoord");
        for (ApiResponse response : List.of(first, again, fresh)) {
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.body()).isNullOrEmpty();
            assertThat(response.header("Location")).isNull();
        }
        List<Mail> mails = mailbox.to(email);
        assertThat(mails).extracting(Mail::subject).containsExactly(
                "Bevestig je e-mailadres voor Wijk op Maat", "Je hebt al een account bij Wijk op Maat");
        assertThat(mails.get(1).text()).doesNotContain("token=");
        assertThat(login(email, "een ander wachtwoord").status()).as("the account keeps its password").isEqualTo(401);
    }

    @Test
    void theVerificationMailCarriesTheLinkAndTheTokenVerifiesOnce() {
        String email = email("link");
        register(email, "een eigen wachtwoord");
        Mail mail = mailbox.last(email);
        assertThat(mail.text()).contains("http://localhost:8080/account/bevestigen?token=" + mail.token());
        Person person = fixtures.signInWith(accounts.findActiveByEmail(email).orElseThrow().id(), email,
                "een eigen wachtwoord");
        assertThat(api.get("/api/v1/me").token(person.accessToken()).send().json().get("emailVerified").asBoolean())
                .isFalse();

        assertThat(api.post("/api/v1/accounts/verifications").json(Map.of("token", mail.token())).send().status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me").token(person.accessToken()).send().json().get("emailVerified").asBoolean())
                .isTrue();
        assertInvalid(api.post("/api/v1/accounts/verifications").json(Map.of("token", mail.token())).send(), "token");
        assertInvalid(api.post("/api/v1/accounts/verifications").json(Map.of("token", "made-up")).send(), "token");
        assertInvalid(api.post("/api/v1/accounts/verifications").json(Map.of()).invalidInput().send(), "token");
    }

    @Test
    void anUnverifiedAccountCannotBeGivenARoleUntilItIsVerified() {
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        Person newcomer = fixtures.unverifiedResident(municipality.id());
        String staff = "/api/v1/municipalities/" + municipality.id() + "/staff";

        ApiResponse invited = api.post(staff).token(admin.accessToken())
                .json(Map.of("email", newcomer.email(), "role", "OFFICIAL")).send();
        assertThat(invited.status()).isEqualTo(202);
        assertThat(invited.text("/role")).isEqualTo("OFFICIAL");
        assertThat(api.get("/api/v1/me").token(newcomer.accessToken()).send().json().get("roles")).isEmpty();
        assertThat(api.get(staff).token(admin.accessToken()).send().json().get("items").findValuesAsText("email"))
                .doesNotContain(newcomer.email());
        assertThat(mailbox.last(newcomer.email()).subject()).isEqualTo("Uitnodiging voor Wijk op Maat: medewerker van de gemeente");

        fixtures.verify(newcomer);
        ApiResponse me = api.get("/api/v1/me").token(newcomer.accessToken()).send();
        assertThat(me.json().get("roles").findValuesAsText("role")).containsExactly("OFFICIAL");
        assertThat(api.get(staff).token(admin.accessToken()).send().json().get("items").findValuesAsText("email"))
                .contains(newcomer.email());
    }

    @Test
    void aStaffInvitationLapsesForAnAccountOfAnotherMunicipality() {
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        Person elsewhere = fixtures.unverifiedResident(fixtures.municipality().id());
        assertThat(api.post("/api/v1/municipalities/" + municipality.id() + "/staff").token(admin.accessToken())
                .json(Map.of("email", elsewhere.email(), "role", "OFFICIAL")).send().status()).isEqualTo(202);
        fixtures.verify(elsewhere);
        assertThat(api.get("/api/v1/me").token(elsewhere.accessToken()).send().json().get("roles")).isEmpty();
    }

    @Test
    void aChairInvitedByEmailBecomesChairWhenTheAddressIsVerified() {
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        WijkDetail wijk = fixtures.wijk(municipality.id());
        String members = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members";
        String address = email("voorzitter");

        ApiResponse set = api.put(members).token(admin.accessToken())
                .json(Map.of("members", List.of(Map.of("email", address, "role", "CHAIR")))).send();
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("items")).isEmpty();
        assertThat(set.json().get("invitations").findValuesAsText("email")).containsExactly(address);

        register(address, "een eigen wachtwoord");
        Person chair = fixtures.signInWith(accounts.findActiveByEmail(address).orElseThrow().id(), address,
                "een eigen wachtwoord");
        fixtures.verify(chair);
        ApiResponse board = api.get(members).token(chair.accessToken()).send();
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.json().get("items").findValuesAsText("email")).containsExactly(address);
        assertThat(board.json().get("invitations")).isEmpty();
    }

    @Test
    void aPasswordResetTakesAnAddressBackFromWhoeverRegisteredItFirstAndEndsTheirSessions() {
        String address = email("jan.devries");
        register(address, "van iemand anders");
        Person squatter = fixtures.signInWith(accounts.findActiveByEmail(address).orElseThrow().id(), address,
                "van iemand anders");

        assertThat(api.post("/api/v1/accounts/password-resets").json(Map.of("email", address)).send().status())
                .isEqualTo(202);
        Mail reset = mailbox.last(address);
        assertThat(reset.text()).contains("http://localhost:8080/account/wachtwoord-herstellen?token=" + reset.token());
        assertThat(api.put("/api/v1/accounts/password-resets")
                .json(Map.of("token", reset.token(), "password", "het echte wachtwoord")).send().status()).isEqualTo(204);

        assertThat(refresh(squatter.refreshToken()).status()).as("every refresh token is revoked").isEqualTo(401);
        assertThat(login(address, "van iemand anders").status()).isEqualTo(401);
        ApiResponse jan = login(address, "het echte wachtwoord");
        assertThat(jan.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").token(jan.text("/access_token")).send().json().get("emailVerified").asBoolean())
                .as("a completed reset proves the address").isTrue();
        assertInvalid(api.put("/api/v1/accounts/password-resets")
                .json(Map.of("token", reset.token(), "password", "nog een wachtwoord")).send(), "token");
    }

    @Test
    void aResetTokenExpiresAfterAnHour() {
        Person person = fixtures.resident(municipality.id());
        api.post("/api/v1/accounts/password-resets").json(Map.of("email", person.email())).send();
        String token = mailbox.last(person.email()).token();
        clock.advance(Duration.ofMinutes(61));
        assertInvalid(api.put("/api/v1/accounts/password-resets")
                .json(Map.of("token", token, "password", "een nieuw wachtwoord")).send(), "token");
    }

    @Test
    void aResetRequestForAnUnknownAddressAnswersTheSameAndMailsNothing() {
        String unknown = email("onbekend");
        ApiResponse response = api.post("/api/v1/accounts/password-resets").json(Map.of("email", unknown)).send();
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isNullOrEmpty();
        assertThat(mailbox.to(unknown)).isEmpty();
        assertInvalid(api.post("/api/v1/accounts/password-resets").json(Map.of("email", "geen adres")).invalidInput().send(),
                "email");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRevokesEveryRefreshToken() {
        Person person = fixtures.resident(municipality.id());
        Person secondPhone = fixtures.signIn(person.id(), person.email());

        ApiResponse wrong = api.put("/api/v1/me/password").token(person.accessToken())
                .json(Map.of("currentPassword", "niet het wachtwoord", "newPassword", "een nieuw wachtwoord")).send();
        assertThat(wrong.status()).isEqualTo(403);
        assertInvalid(api.put("/api/v1/me/password").token(person.accessToken())
                .json(Map.of("newPassword", "kort")).invalidInput().send(), "currentPassword", "newPassword");

        assertThat(api.put("/api/v1/me/password").token(person.accessToken())
                .json(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "een nieuw wachtwoord")).send().status())
                .isEqualTo(204);
        assertThat(refresh(person.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(secondPhone.refreshToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me").token(secondPhone.accessToken()).send().status()).isEqualTo(401);
        assertThat(login(person.email(), Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(login(person.email(), "een nieuw wachtwoord").status()).isEqualTo(200);
        assertThat(mailbox.last(person.email()).subject()).isEqualTo("Je wachtwoord voor Wijk op Maat is gewijzigd");
    }

    @Test
    void signingOutEverywhereRevokesEveryRefreshToken() {
        Person person = fixtures.resident(municipality.id());
        Person secondPhone = fixtures.signIn(person.id(), person.email());
        assertThat(api.post("/api/v1/me/sessions/revocation").token(person.accessToken()).send().status()).isEqualTo(204);
        assertThat(refresh(person.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(secondPhone.refreshToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me").token(secondPhone.accessToken()).send().status())
                .as("access tokens end at once too").isEqualTo(401);
        Person again = fixtures.signIn(person.id(), person.email());
        assertThat(api.get("/api/v1/me").token(again.accessToken()).send().status()).isEqualTo(200);
        assertThat(refresh(again.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void passwordsFollowThePolicyAndTooManyBytesIsA400NotA500() {
        String email = email("beleid");
        assertInvalid(registerInvalid(email, "elf tekens!"), "password");
        assertInvalid(registerInvalid(email, "x".repeat(65)), "password");
        ApiResponse tooManyBytes = registerInvalid(email, "é".repeat(40));
        assertInvalid(tooManyBytes, "password");
        assertThat(tooManyBytes.text("/invalidParams/0/reason")).contains("72 bytes");
        ApiResponse common = api.post("/api/v1/accounts").header("Accept-Language", "en").invalidInput()
                .json(Map.of("email", email, "password", "1qaz2wsx3edc", "displayName", "Jan",
                        "municipalityId", municipality.id().toString())).send();
        assertInvalid(common, "password");
        assertThat(common.text("/invalidParams/0/reason")).isEqualTo("is a commonly used password; choose another");
        assertInvalid(register(email, "123QWEasdZXC"), "password");
        assertThat(register(email, "twaalf tekens").status()).as("no composition rules").isEqualTo(202);
    }

    @Test
    void erasureNeedsThePasswordAndAWrongOneErasesNothing() {
        Person person = fixtures.resident(municipality.id());
        assertInvalid(api.post("/api/v1/me/erasure").token(person.accessToken()).json(Map.of()).invalidInput().send(),
                "password");
        ApiResponse wrong = api.post("/api/v1/me/erasure").token(person.accessToken())
                .json(Map.of("password", "niet het wachtwoord")).send();
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me").token(person.accessToken()).send().status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/me").token(person.accessToken()).outsideContract().send().status())
                .as("DELETE /me is gone").isEqualTo(405);

        assertThat(fixtures.erase(person).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me").token(person.accessToken()).send().status()).isEqualTo(401);
    }

    @Test
    void lookAlikeSpellingsOfALockedEmailAreLockedToo() {
        Person person = fixtures.resident(municipality.id());
        String email = person.email();
        List<String> spellings = List.of(
                email.toUpperCase(),
                email.replaceFirst("bewoner", "bewönér"),
                email.replaceFirst("b", "\uFF42"),
                email.replaceFirst("be", "b\u200Be"),
                email.replace("example.org", "EXAMPLE.ORG"),
                email.replaceFirst("o", "ó"));
        for (int i = 0; i < 5; i++) {
            assertThat(login(spellings.get(i), "niet het wachtwoord").status()).as(spellings.get(i)).isEqualTo(401);
        }
        ApiResponse sixth = login(spellings.get(5), "niet het wachtwoord");
        assertThat(sixth.status()).as("the account is locked, whatever the spelling").isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isNotNull();
        assertThat(login(email, Fixtures.PASSWORD).status()).isEqualTo(429);
        assertThat(login(spellings.get(2), Fixtures.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void failuresForAnEmailWithoutAnAccountAreCountedForAllItsSpellings() {
        String unknown = email("niemand");
        for (int i = 0; i < 5; i++) {
            String spelling = i % 2 == 0 ? unknown.toUpperCase() : unknown.replaceFirst("e", "é");
            assertThat(login(spelling, "wat dan ook").status()).isEqualTo(401);
        }
        assertThat(login(unknown, "wat dan ook").status()).isEqualTo(429);
    }

    @Test
    void signInsLockoutsAndErasureAreAuditedWithAccountAndHashedAddressNeverEmailOrToken() {
        Person person = fixtures.resident(municipality.id());
        try (CapturedLog log = CapturedLog.of("nl.wijkopmaat.audit")) {
            ApiResponse ok = login(person.email(), Fixtures.PASSWORD);
            for (int i = 0; i < 5; i++) {
                login(person.email(), "niet het wachtwoord");
            }
            clock.advance(Duration.ofMinutes(16));
            Person again = fixtures.signIn(person.id(), person.email());
            api.put("/api/v1/me/password").token(again.accessToken())
                    .json(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "een nieuw wachtwoord")).send();
            Person afterChange = fixtures.signInWith(person.id(), person.email(), "een nieuw wachtwoord");
            assertThat(api.post("/api/v1/me/erasure").token(afterChange.accessToken())
                    .json(Map.of("password", "een nieuw wachtwoord")).send().status()).isEqualTo(204);

            List<String> lines = log.messages();
            String account = "account=" + person.id();
            for (String event : List.of("sign-in.succeeded", "sign-in.failed", "sign-in.lockout", "password.changed",
                    "account.erased")) {
                assertThat(lines).as(event).anySatisfy(line -> assertThat(line).contains("event=" + event, account)
                        .containsPattern("client=[0-9a-f]{16}"));
            }
            assertThat(String.join("\n", lines)).doesNotContain(person.email()).doesNotContain("127.0.0.1")
                    .doesNotContain(ok.text("/access_token")).doesNotContain(ok.text("/refresh_token"));
        }
    }

    @Test
    void anAccountNotVerifiedWithinSevenDaysIsRemoved() {
        Person late = fixtures.unverifiedResident(municipality.id());
        Person verified = fixtures.unverifiedResident(municipality.id());
        fixtures.verify(verified);
        clock.advance(Duration.ofDays(6));
        accounts.eraseUnverified(1000);
        assertThat(login(late.email(), Fixtures.PASSWORD).status()).as("within the week").isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        while (accounts.eraseUnverified(1000) == 1000) {
            // a shared database may hold more
        }
        assertThat(login(late.email(), Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(login(verified.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(register(late.email(), Fixtures.PASSWORD).status()).as("the address is free again").isEqualTo(202);
        assertThat(mailbox.last(late.email()).subject()).isEqualTo("Bevestig je e-mailadres voor Wijk op Maat");
    }
}
