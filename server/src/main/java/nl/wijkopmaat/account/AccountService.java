package nl.wijkopmaat.account;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import nl.wijkopmaat.account.AccountCommands.AccountRegistration;
import nl.wijkopmaat.account.AccountCommands.MeUpdate;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtPlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registration, the person's own profile, and the privacy rights: export and erasure of everything
 * the server holds about them.
 */
@Singleton
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final RoleAssignmentService roles;
    private final RefreshTokenStore refreshTokens;
    private final GeographyService geography;
    private final PasswordHasher passwordHasher;
    private final PasswordChecks passwordChecks;
    private final TransactionOperations<?> transactions;
    private final LoginThrottle loginThrottle;
    private final Validator validator;
    private final List<PersonalDataContributor> contributors;
    private final Clock clock;

    AccountService(AccountRepository accounts, RoleAssignmentService roles, RefreshTokenStore refreshTokens,
                   GeographyService geography, PasswordHasher passwordHasher, PasswordChecks passwordChecks,
                   TransactionOperations<?> transactions, LoginThrottle loginThrottle,
                   Validator validator, List<PersonalDataContributor> contributors, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.refreshTokens = refreshTokens;
        this.geography = geography;
        this.passwordHasher = passwordHasher;
        this.passwordChecks = passwordChecks;
        this.transactions = transactions;
        this.loginThrottle = loginThrottle;
        this.validator = validator;
        this.contributors = contributors;
        this.clock = clock;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Not one transaction: the password is hashed on {@link PasswordChecks} between the checks and the
     * insert, so that no connection is held while it is.
     */
    public AccountView register(AccountRegistration registration) {
        // Field rules and the rules that need the database are reported together, in one 400.
        List<InvalidParam> invalid = new ArrayList<>(InvalidParams.of(validator.validate(registration)));
        if (registration.password() != null
                && registration.password().getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            invalid.add(new InvalidParam("password", "validation.password.bytes"));
        }
        if (registration.municipalityId() != null) {
            if (geography.findMunicipality(registration.municipalityId()).isEmpty()) {
                invalid.add(new InvalidParam("municipalityId", "validation.municipality.unknown"));
            } else if (registration.buurtId() != null && !buurtIn(registration.buurtId(), registration.municipalityId())) {
                invalid.add(new InvalidParam("buurtId", "validation.buurt.unknown"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        String email = normalizeEmail(registration.email());
        String passwordHash = passwordChecks.hash(registration.password());
        return transactions.executeWrite(status -> {
            if (accounts.existsByEmail(email)) {
                throw ApiException.conflict("problem.conflict.emailTaken");
            }
            Instant now = clock.instant();
            Account account = accounts.save(new Account(UUID.randomUUID(), email, passwordHash,
                    registration.displayName().strip(), registration.municipalityId(), registration.buurtId(),
                    registration.locale() == null ? "nl" : registration.locale(), AccountStatus.ACTIVE, now, now, null, null));
            LOG.info("Account {} registered", account.id());
            return view(account);
        });
    }

    @Transactional
    public AccountView me(UUID accountId) {
        return view(requireActive(accountId));
    }

    @Transactional
    public AccountView updateMe(UUID accountId, MeUpdate update) {
        Account account = lockActive(accountId);
        if (update.displayName() == null && update.buurtId() == null && update.locale() == null) {
            throw ApiException.invalid("displayName", "validation.update.empty");
        }
        if (update.buurtId() != null && !buurtIn(update.buurtId(), account.municipalityId())) {
            throw ApiException.invalid("buurtId", "validation.buurt.unknown");
        }
        Account changed = account.withProfile(
                update.displayName() == null ? account.displayName() : update.displayName().strip(),
                update.buurtId() == null ? account.buurtId() : update.buurtId(),
                update.locale() == null ? account.locale() : update.locale(),
                clock.instant());
        return view(accounts.update(changed));
    }

    @Transactional
    public PersonalDataExport export(UUID accountId) {
        Account account = requireActive(accountId);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("account", Map.of(
                "profile", view(account),
                "roleHistory", roles.historyOf(accountId).stream()
                        .map(change -> Map.of("role", change.role(), "scopeId", change.scopeId(),
                                "action", change.action(), "changedAt", change.changedAt()))
                        .toList(),
                "signIns", refreshTokens.sessionsOf(accountId)));
        contributors.forEach(contributor -> sections.put(contributor.section(), contributor.export(accountId)));
        return new PersonalDataExport(clock.instant(), accountId, sections);
    }

    /**
     * Erases the person: every feature detaches or removes its data, sessions and roles end, and the
     * account keeps only what is needed to show "removed account" next to content they wrote.
     */
    @Transactional
    public void erase(UUID accountId) {
        Account account = lockActive(accountId);
        contributors.forEach(contributor -> contributor.erase(accountId));
        roles.revokeAll(accountId, accountId);
        refreshTokens.revokeAll(accountId);
        loginThrottle.forget(account.email());
        accounts.update(account.erased(clock.instant()));
        LOG.info("Account {} erased on request of its owner", accountId);
    }

    @Transactional
    public Optional<AccountRef> findActiveByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email)).filter(Account::active).map(AccountService::ref);
    }

    @Transactional
    public Map<UUID, AccountRef> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(ids).stream().map(AccountService::ref)
                .collect(Collectors.toMap(AccountRef::id, Function.identity()));
    }

    /** The language each active account reads in; erased accounts are left out. */
    @Transactional
    public Map<UUID, Locale> localesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(ids).stream().filter(Account::active)
                .collect(Collectors.toMap(Account::id, account -> Locale.forLanguageTag(account.locale())));
    }

    @Transactional
    public boolean isActive(UUID accountId) {
        return accounts.existsByIdAndStatus(accountId, AccountStatus.ACTIVE);
    }

    /** For start-up configuration: creates the account unless its email exists. */
    @Transactional
    public AccountRef ensureAccount(String email, String password, String displayName, UUID municipalityId,
                                    UUID buurtId) {
        String normalized = normalizeEmail(email);
        return accounts.findByEmail(normalized).map(AccountService::ref).orElseGet(() -> {
            Instant now = clock.instant();
            return ref(accounts.save(new Account(UUID.randomUUID(), normalized, passwordHasher.hash(password),
                    displayName, municipalityId, buurtId, "nl", AccountStatus.ACTIVE, now, now, null, null)));
        });
    }

    private boolean buurtIn(UUID buurtId, UUID municipalityId) {
        return geography.findBuurt(buurtId).map(BuurtPlace::municipalityId).filter(municipalityId::equals).isPresent();
    }

    private Account lockActive(UUID accountId) {
        return accounts.findByIdForUpdate(accountId).filter(Account::active)
                .orElseThrow(() -> ApiException.unauthorized("problem.unauthorized"));
    }

    private Account requireActive(UUID accountId) {
        return accounts.findById(accountId).filter(Account::active)
                .orElseThrow(() -> ApiException.unauthorized("problem.unauthorized"));
    }

    private AccountView view(Account account) {
        UUID wijkId = account.buurtId() == null ? null
                : geography.findBuurt(account.buurtId()).map(BuurtPlace::wijkId).orElse(null);
        return new AccountView(account.id(), account.email(), account.displayName(), account.municipalityId(),
                account.buurtId(), wijkId, account.locale(), roles.rolesOf(account.id()), account.createdAt());
    }

    private static AccountRef ref(Account account) {
        return new AccountRef(account.id(), account.email(), account.displayName(), account.municipalityId());
    }
}
