package nl.wijkopmaat.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin of a municipality from {@code WIJKOPMAAT_BOOTSTRAP_ADMIN_EMAIL},
 * {@code _PASSWORD} and {@code _MUNICIPALITY} at start-up, verified. The password must pass the
 * password policy, or the start-up stops. Idempotent: an existing verified account keeps its
 * password and gets the role only if it lacks it.
 */
@Singleton
@Requires(property = "wijkopmaat.bootstrap.admin.email")
class BootstrapAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Settings settings;
    private final GeographyService geography;
    private final AccountService accounts;
    private final RoleAssignmentService roles;
    private final PasswordPolicy passwordPolicy;

    BootstrapAdmin(Settings settings, GeographyService geography, AccountService accounts, RoleAssignmentService roles,
                   PasswordPolicy passwordPolicy) {
        this.settings = settings;
        this.geography = geography;
        this.accounts = accounts;
        this.roles = roles;
        this.passwordPolicy = passwordPolicy;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.getPassword() == null || settings.getMunicipality() == null) {
            throw new IllegalStateException("WIJKOPMAAT_BOOTSTRAP_ADMIN_EMAIL needs WIJKOPMAAT_BOOTSTRAP_ADMIN_PASSWORD "
                    + "and WIJKOPMAAT_BOOTSTRAP_ADMIN_MUNICIPALITY");
        }
        passwordPolicy.require("WIJKOPMAAT_BOOTSTRAP_ADMIN_PASSWORD", settings.getPassword());
        MunicipalityView municipality = geography.findOrCreateMunicipality(settings.getMunicipality());
        AccountRef admin = accounts.ensureAccount(settings.getEmail(), settings.getPassword(), "Beheerder",
                municipality.id(), null);
        if (!roles.has(admin.id(), Role.ADMIN, municipality.id())) {
            roles.grant(null, admin.id(), Role.ADMIN, municipality.id());
            LOG.info("Bootstrap admin {} made admin of {}", admin.id(), municipality.name());
        }
    }

    @ConfigurationProperties("wijkopmaat.bootstrap.admin")
    static class Settings {
        private String email;
        private String password;
        private String municipality;

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        @Nullable
        String getPassword() {
            return password;
        }

        void setPassword(String password) {
            this.password = password;
        }

        @Nullable
        String getMunicipality() {
            return municipality;
        }

        void setMunicipality(String municipality) {
            this.municipality = municipality;
        }
    }
}
