package nl.wijkopmaat.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapAdminTest {

    @Test
    void firstAdminIsCreatedFromConfigurationAndOnlyOnce() {
        String email = "beheer-" + UUID.randomUUID() + "@example.org";
        String municipalityName = Fixtures.unique("Bootstrapgemeente");
        Map<String, Object> settings = Map.of(
                "wijkopmaat.bootstrap.admin.email", email,
                "wijkopmaat.bootstrap.admin.password", "een sterk wachtwoord",
                "wijkopmaat.bootstrap.admin.municipality", municipalityName);

        UUID adminId;
        try (ApplicationContext first = ApplicationContext.run(settings, Environment.TEST)) {
            MunicipalityView municipality = first.getBean(GeographyService.class).findMunicipalityByName(municipalityName).orElseThrow();
            AccountRef admin = first.getBean(AccountService.class).findActiveByEmail(email).orElseThrow();
            assertThat(first.getBean(RoleAssignmentService.class).has(admin.id(), Role.ADMIN, municipality.id())).isTrue();
            adminId = admin.id();
        }
        try (ApplicationContext second = ApplicationContext.run(settings, Environment.TEST)) {
            AccountRef admin = second.getBean(AccountService.class).findActiveByEmail(email).orElseThrow();
            assertThat(admin.id()).isEqualTo(adminId);
            assertThat(second.getBean(RoleAssignmentService.class).rolesOf(adminId)).hasSize(1);
        }
    }

    @Test
    void aCommonOrShortBootstrapPasswordStopsTheStartUpNamingTheVariable() {
        for (String password : new String[]{"1qaz2wsx3edc", "te kort"}) {
            Map<String, Object> settings = Map.of(
                    "wijkopmaat.bootstrap.admin.email", "beheer-" + UUID.randomUUID() + "@example.org",
                    "wijkopmaat.bootstrap.admin.password", password,
                    "wijkopmaat.bootstrap.admin.municipality", Fixtures.unique("Bootstrapgemeente"));
            assertThatThrownBy(() -> ApplicationContext.run(settings, Environment.TEST).close())
                    .hasStackTraceContaining("WIJKOPMAAT_BOOTSTRAP_ADMIN_PASSWORD is not an acceptable password");
        }
    }

    @Test
    void theBootstrapAdminIsVerified() {
        String email = "beheer-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> settings = Map.of(
                "wijkopmaat.bootstrap.admin.email", email,
                "wijkopmaat.bootstrap.admin.password", "een sterk wachtwoord",
                "wijkopmaat.bootstrap.admin.municipality", Fixtures.unique("Bootstrapgemeente"));
        try (ApplicationContext context = ApplicationContext.run(settings, Environment.TEST)) {
            assertThat(context.getBean(AccountService.class).findVerifiedByEmail(email)).isPresent();
        }
    }
}
