package nl.wijkopmaat.support;

import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sets up the world a test needs through the application's own services (real database, no
 * mocks), with unique names so that test classes can share one database.
 */
@Singleton
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final GeographyService geography;
    private final AccountService accounts;
    private final RoleAssignmentService roles;
    private final Api api;
    private final Mailbox mailbox;

    Fixtures(GeographyService geography, AccountService accounts, RoleAssignmentService roles, Api api,
             Mailbox mailbox) {
        this.geography = geography;
        this.accounts = accounts;
        this.roles = roles;
        this.api = api;
        this.mailbox = mailbox;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public MunicipalityView municipality() {
        return geography.findOrCreateMunicipality(unique("Gemeente"));
    }

    public WijkDetail wijk(UUID municipalityId, String... buurten) {
        return geography.ensureWijk(municipalityId, unique("Wijk"), List.of(buurten));
    }

    public Person resident(UUID municipalityId) {
        String email = "bewoner-" + UUID.randomUUID() + "@example.org";
        AccountRef account = accounts.ensureAccount(email, PASSWORD, unique("Bewoner"), municipalityId, null);
        return signIn(account.id(), email);
    }

    /** Registered through the API and signed in, with the address not verified yet. */
    public Person unverifiedResident(UUID municipalityId) {
        String email = "nieuw-" + UUID.randomUUID() + "@example.org";
        ApiResponse registered = api.post("/api/v1/accounts").json(Map.of("email", email, "password", PASSWORD,
                "displayName", unique("Nieuw"), "municipalityId", municipalityId.toString())).send();
        if (registered.status() != 202) {
            throw new IllegalStateException("Registration failed: " + registered.body());
        }
        return signIn(accounts.findActiveByEmail(email).orElseThrow().id(), email);
    }

    /** Verifies the address with the token of the last verification mail it got. */
    public void verify(Person person) {
        ApiResponse verified = api.post("/api/v1/accounts/verifications")
                .json(Map.of("token", mailbox.lastWithToken(person.email()).token())).send();
        if (verified.status() != 204) {
            throw new IllegalStateException("Verification failed: " + verified.body());
        }
    }

    public ApiResponse erase(Person person) {
        return api.post("/api/v1/me/erasure").token(person.accessToken()).json(Map.of("password", PASSWORD)).send();
    }

    public Person withRole(UUID municipalityId, Role role, UUID scopeId) {
        Person person = resident(municipalityId);
        grant(person.id(), role, scopeId);
        return person;
    }

    public void grant(UUID accountId, Role role, UUID scopeId) {
        roles.grant(null, accountId, role, scopeId);
    }

    public Person signIn(UUID accountId, String email) {
        return signInWith(accountId, email, PASSWORD);
    }

    public Person signInWith(UUID accountId, String email, String password) {
        ApiResponse response = api.post("/api/v1/auth/login")
                .json(Map.of("username", email, "password", password)).send();
        if (response.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.body());
        }
        return new Person(accountId, email, response.text("/access_token"), response.text("/refresh_token"));
    }

    public record Person(UUID id, String email, String accessToken, String refreshToken) {
    }
}
