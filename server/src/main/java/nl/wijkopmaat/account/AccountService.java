package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import nl.wijkopmaat.account.AccountCommands.AccountRegistration;
import nl.wijkopmaat.account.AccountCommands.ErasureRequest;
import nl.wijkopmaat.account.AccountCommands.MeUpdate;
import nl.wijkopmaat.account.AccountCommands.PasswordChange;
import nl.wijkopmaat.account.AccountCommands.PasswordReset;
import nl.wijkopmaat.account.AccountCommands.PasswordResetRequest;
import nl.wijkopmaat.account.AccountCommands.Verification;
import nl.wijkopmaat.account.AccountToken.Purpose;
import nl.wijkopmaat.common.audit.AuditLog;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.error.TooManyRequestsException;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtPlace;

import java.time.Clock;
import java.time.Duration;
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
 * Registration with a verified address, passwords (change and reset), the person's own profile,
 * and the privacy rights: export and erasure of everything the server holds about them.
 *
 * <p>Password hashing and checking run on {@link PasswordChecks}, outside transactions, so that no
 * connection is held while they do. Mails go out after the transaction that decided them.
 */
@Singleton
public class AccountService {

    private final AccountRepository accounts;
    private final RoleAssignmentService roles;
    private final RefreshTokenStore refreshTokens;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final GeographyService geography;
    private final PasswordHasher passwordHasher;
    private final PasswordChecks passwordChecks;
    private final PasswordPolicy passwordPolicy;
    private final TransactionOperations<?> transactions;
    private final LoginThrottle loginThrottle;
    private final AddressLimits addressLimits;
    private final AuditLog audit;
    private final Validator validator;
    private final List<PersonalDataContributor> contributors;
    private final Clock clock;
    private final Duration verificationLifetime;
    private final Duration resetLifetime;
    private final Duration unverifiedRetention;

    AccountService(AccountRepository accounts, RoleAssignmentService roles, RefreshTokenStore refreshTokens,
                   AccountTokens tokens, AccountMails mails, GeographyService geography, PasswordHasher passwordHasher,
                   PasswordChecks passwordChecks, PasswordPolicy passwordPolicy, TransactionOperations<?> transactions,
                   LoginThrottle loginThrottle, AddressLimits addressLimits, AuditLog audit, Validator validator,
                   List<PersonalDataContributor> contributors, Clock clock,
                   @Value("${wijkopmaat.security.verification-lifetime}") Duration verificationLifetime,
                   @Value("${wijkopmaat.security.password-reset-lifetime}") Duration resetLifetime,
                   @Value("${wijkopmaat.security.unverified-retention}") Duration unverifiedRetention) {
        this.accounts = accounts;
        this.roles = roles;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.mails = mails;
        this.geography = geography;
        this.passwordHasher = passwordHasher;
        this.passwordChecks = passwordChecks;
        this.passwordPolicy = passwordPolicy;
        this.transactions = transactions;
        this.loginThrottle = loginThrottle;
        this.addressLimits = addressLimits;
        this.audit = audit;
        this.validator = validator;
        this.contributors = contributors;
        this.clock = clock;
        this.verificationLifetime = verificationLifetime;
        this.resetLifetime = resetLifetime;
        this.unverifiedRetention = unverifiedRetention;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Answers the same whether or not the address has an account, and takes as long (the password is
     * hashed either way): a new address gets a verification mail, an unverified one a fresh
     * verification mail, a verified one a mail that it already has an account.
     */
    public void register(AccountRegistration registration) {
        // Field rules and the rules that need the database are reported together, in one 400.
        List<InvalidParam> invalid = new ArrayList<>(InvalidParams.of(validator.validate(registration)));
        if (registration.password() != null) {
            passwordPolicy.check("password", registration.password()).ifPresent(invalid::add);
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
        addressLimits.countRegistration();
        String email = normalizeEmail(registration.email());
        String passwordHash = passwordChecks.hash(registration.password());
        Runnable mail = transactions.executeWrite(status -> {
            Optional<Account> existing = accounts.findByEmail(email);
            if (existing.isPresent()) {
                Account account = existing.get();
                if (account.isVerified()) {
                    return () -> mails.alreadyRegistered(account);
                }
                String token = tokens.issue(account.id(), Purpose.VERIFY, verificationLifetime);
                return () -> mails.verification(account, token, verificationLifetime);
            }
            Instant now = clock.instant();
            Account account = accounts.save(new Account(UUID.randomUUID(), email, passwordHash,
                    registration.displayName().strip(), registration.municipalityId(), registration.buurtId(),
                    registration.locale() == null ? "nl" : registration.locale(), AccountStatus.ACTIVE, now, now,
                    null, null, null));
            audit.record("account.registered", account.id());
            String token = tokens.issue(account.id(), Purpose.VERIFY, verificationLifetime);
            return () -> mails.verification(account, token, verificationLifetime);
        });
        mail.run();
    }

    /** The address is proved: the account may now take part, and roles it was invited to take effect. */
    @Transactional
    public void verify(Verification verification) {
        requireValid(verification);
        UUID accountId = tokens.redeem(verification.token(), Purpose.VERIFY)
                .orElseThrow(() -> ApiException.invalid("token", "validation.token.invalid"));
        Account account = accounts.findByIdForUpdate(accountId).filter(Account::active)
                .orElseThrow(() -> ApiException.invalid("token", "validation.token.invalid"));
        markVerified(account);
    }

    private Account markVerified(Account account) {
        Account verified = account.isVerified() ? account : accounts.update(account.verified(clock.instant()));
        if (!account.isVerified()) {
            audit.record("account.verified", account.id());
        }
        roles.acceptInvitations(verified.id(), verified.email());
        return verified;
    }

    /** Always 202: whether the address has an account is not told. */
    public void requestPasswordReset(PasswordResetRequest request) {
        requireValid(request);
        addressLimits.countPasswordReset();
        String email = normalizeEmail(request.email());
        Optional<Runnable> mail = transactions.executeWrite(status -> accounts.findByEmail(email)
                .filter(Account::active)
                .map(account -> {
                    String token = tokens.issue(account.id(), Purpose.RESET, resetLifetime);
                    audit.record("password.reset-requested", account.id());
                    return () -> mails.passwordReset(account, token, resetLifetime);
                }));
        mail.ifPresent(Runnable::run);
    }

    /**
     * Sets a new password with a mailed token. It proves the address too, so the account becomes
     * verified (taking the address back from whoever registered it without owning it), and every
     * session of the account ends.
     */
    public void resetPassword(PasswordReset reset) {
        List<InvalidParam> invalid = new ArrayList<>(InvalidParams.of(validator.validate(reset)));
        if (reset.password() != null) {
            passwordPolicy.check("password", reset.password()).ifPresent(invalid::add);
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        String passwordHash = passwordChecks.hash(reset.password());
        Account changed = transactions.executeWrite(status -> {
            UUID accountId = tokens.redeem(reset.token(), Purpose.RESET)
                    .orElseThrow(() -> ApiException.invalid("token", "validation.token.invalid"));
            Account account = accounts.findByIdForUpdate(accountId).filter(Account::active)
                    .orElseThrow(() -> ApiException.invalid("token", "validation.token.invalid"));
            Account updated = accounts.update(account.withPassword(passwordHash, clock.instant()));
            endSessions(accountId);
            loginThrottle.forget(accountId);
            audit.record("password.reset", accountId);
            return markVerified(updated);
        });
        mails.passwordChanged(changed);
    }

    /** With the current password; every session of the account ends, this one too. */
    public void changePassword(UUID accountId, PasswordChange change) {
        List<InvalidParam> invalid = new ArrayList<>(InvalidParams.of(validator.validate(change)));
        if (change.newPassword() != null) {
            passwordPolicy.check("newPassword", change.newPassword()).ifPresent(invalid::add);
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        requirePassword(accountId, change.currentPassword());
        String passwordHash = passwordChecks.hash(change.newPassword());
        Account changed = transactions.executeWrite(status -> {
            Account account = lockActive(accountId);
            Account updated = accounts.update(account.withPassword(passwordHash, clock.instant()));
            endSessions(accountId);
            audit.record("password.changed", accountId);
            return updated;
        });
        mails.passwordChanged(changed);
    }

    /** Signs the account out everywhere: every refresh token and every access token stops working. */
    @Transactional
    public void revokeSessions(UUID accountId) {
        lockActive(accountId);
        endSessions(accountId);
        audit.record("sessions.revoked", accountId);
    }

    private void endSessions(UUID accountId) {
        refreshTokens.revokeAll(accountId);
        accounts.raiseSessionEpoch(accountId);
    }

    /**
     * The password of a signed-in person, checked like a sign-in: with no connection held, and
     * counted against the account's sign-in throttle when wrong, so that a stolen access token does
     * not open a way to guess it.
     */
    private void requirePassword(UUID accountId, String password) {
        Account account = requireActive(accountId);
        String subject = LoginThrottle.subject(Optional.of(accountId), "");
        Optional<Duration> locked = loginThrottle.lockFor(subject);
        if (locked.isPresent()) {
            throw new TooManyRequestsException("problem.login.locked", locked.get());
        }
        if (!passwordChecks.matches(password, account.passwordHash())) {
            audit.record("password.check-failed", accountId);
            loginThrottle.recordFailure(subject).ifPresent(duration -> {
                throw new TooManyRequestsException("problem.login.locked", duration);
            });
            throw ApiException.forbidden("problem.forbidden.password");
        }
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
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("profile", view(account));
        own.put("emailVerifiedAt", account.verifiedAt() == null ? "" : account.verifiedAt());
        own.put("roleHistory", roles.historyOf(accountId).stream()
                .map(change -> Map.of("role", change.role(), "scopeId", change.scopeId(),
                        "action", change.action(), "changedAt", change.changedAt()))
                .toList());
        own.put("roleChangesMade", roles.changesMadeBy(accountId).stream()
                .map(change -> Map.of("accountId", change.accountId(), "role", change.role(),
                        "scopeId", change.scopeId(), "action", change.action(), "changedAt", change.changedAt()))
                .toList());
        own.put("roleInvitationsSent", roles.invitationsSentBy(accountId).stream()
                .map(invitation -> Map.of("role", invitation.role(), "scopeId", invitation.scopeId(),
                        "invitedAt", invitation.invitedAt()))
                .toList());
        own.put("signIns", refreshTokens.sessionsOf(accountId));
        own.put("mailedTokens", tokens.of(accountId));
        sections.put("account", own);
        contributors.forEach(contributor -> sections.put(contributor.section(), contributor.export(accountId)));
        return new PersonalDataExport(clock.instant(), accountId, sections);
    }

    /**
     * Erases the person, on their request and with their password: every feature detaches or
     * removes its data, sessions, roles and their trail end, and the account keeps only what is
     * needed to show "removed account" next to content they wrote.
     */
    public void erase(UUID accountId, ErasureRequest request) {
        requireValid(request);
        requirePassword(accountId, request.password());
        transactions.executeWrite(status -> {
            eraseNow(lockActive(accountId));
            return null;
        });
        audit.record("account.erased", accountId);
    }

    private void eraseNow(Account account) {
        UUID accountId = account.id();
        contributors.forEach(contributor -> contributor.erase(accountId));
        roles.revokeAll(accountId, accountId);
        roles.forget(accountId, account.email());
        refreshTokens.deleteAll(accountId);
        tokens.forget(accountId);
        loginThrottle.forget(accountId);
        accounts.update(account.erased(clock.instant()));
    }

    /**
     * Accounts whose address was not verified within the retention (7 days) are erased, a batch at a
     * time, each in a transaction of its own. Returns how many.
     */
    int eraseUnverified(int batchSize) {
        Instant before = clock.instant().minus(unverifiedRetention);
        List<UUID> stale = accounts.findUnverifiedCreatedBefore(before, batchSize);
        for (UUID accountId : stale) {
            transactions.executeWrite(status -> {
                accounts.findByIdForUpdate(accountId).filter(account -> account.active() && !account.isVerified())
                        .ifPresent(this::eraseNow);
                return null;
            });
            audit.record("account.unverified-removed", accountId);
        }
        return stale.size();
    }

    /**
     * Taking part (submitting, supporting, commenting, registering for something) needs a verified
     * address, and happens in the municipality the person registered in (moving is a profile change).
     */
    @Transactional
    public void requireParticipant(UUID accountId, UUID municipalityId) {
        Account account = requireActive(accountId);
        if (!account.isVerified()) {
            throw ApiException.forbidden("problem.forbidden.unverified");
        }
        if (!account.municipalityId().equals(municipalityId)) {
            throw ApiException.forbidden("problem.forbidden.otherMunicipality");
        }
    }

    /**
     * Holds the person's account row until the caller's transaction ends, for a feature that must
     * make one person's changes one after the other (a volunteer's sign-ups). The row always exists
     * and is committed, so waiting for it never deadlocks on a row that another request created
     * and rolled back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID accountId) {
        accounts.findByIdForUpdate(accountId);
    }

    @Transactional
    public Optional<AccountRef> findActiveByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email)).filter(Account::active).map(AccountService::ref);
    }

    /** Only a verified account can be given a role. */
    @Transactional
    public Optional<AccountRef> findVerifiedByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email)).filter(Account::isVerified).map(AccountService::ref);
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

    /**
     * Whether an access token of this session epoch still opens the account: the account is active
     * and its sessions were not ended after the token was issued.
     */
    @Transactional
    boolean isCurrentSession(UUID accountId, int sessionEpoch) {
        return accounts.findActiveSessionEpoch(accountId).filter(current -> current == sessionEpoch).isPresent();
    }

    /**
     * For start-up configuration (the bootstrap admin, demo accounts): creates the account, verified,
     * unless its email exists. The address is the operator's, so an unverified account that someone
     * registered with it first is taken back: it gets the configured password and is verified.
     */
    @Transactional
    public AccountRef ensureAccount(String email, String password, String displayName, UUID municipalityId,
                                    @Nullable UUID buurtId) {
        String normalized = normalizeEmail(email);
        Instant now = clock.instant();
        Optional<Account> existing = accounts.findByEmail(normalized).filter(Account::active);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (account.isVerified()) {
                return ref(account);
            }
            Account takenBack = accounts.update(account.withPassword(passwordHasher.hash(password), now));
            endSessions(account.id());
            return ref(markVerified(takenBack));
        }
        return ref(accounts.save(new Account(UUID.randomUUID(), normalized, passwordHasher.hash(password),
                displayName, municipalityId, buurtId, "nl", AccountStatus.ACTIVE, now, now, null, now, null)));
    }

    private void requireValid(Object command) {
        List<InvalidParam> invalid = InvalidParams.of(validator.validate(command));
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
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
                account.buurtId(), wijkId, account.locale(), account.isVerified(), roles.rolesOf(account.id()),
                account.createdAt());
    }

    private static AccountRef ref(Account account) {
        return new AccountRef(account.id(), account.email(), account.displayName(), account.municipalityId());
    }
}
