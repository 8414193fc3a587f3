package nl.wijkopmaat.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.account.AccountCommands.AccountRegistration;
import nl.wijkopmaat.account.AccountCommands.ErasureRequest;
import nl.wijkopmaat.account.AccountCommands.MeUpdate;
import nl.wijkopmaat.account.AccountCommands.PasswordChange;
import nl.wijkopmaat.account.AccountCommands.PasswordReset;
import nl.wijkopmaat.account.AccountCommands.PasswordResetRequest;
import nl.wijkopmaat.account.AccountCommands.Verification;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.security.Callers;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** 202 with no body, for a new address and a known one alike: the mail tells the difference. */
    @Post("/accounts")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Idempotent
    HttpResponse<Void> register(@Body AccountRegistration registration) {
        accounts.register(registration);
        return HttpResponse.accepted();
    }

    @Post("/accounts/verifications")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.NO_CONTENT)
    void verify(@Body Verification verification) {
        accounts.verify(verification);
    }

    @Post("/accounts/password-resets")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.ACCEPTED)
    void requestPasswordReset(@Body PasswordResetRequest request) {
        accounts.requestPasswordReset(request);
    }

    @Put("/accounts/password-resets")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.NO_CONTENT)
    void resetPassword(@Body PasswordReset reset) {
        accounts.resetPassword(reset);
    }

    @Get("/me")
    AccountView me(Authentication authentication) {
        return accounts.me(Callers.accountId(authentication));
    }

    @Patch("/me")
    AccountView updateMe(@Valid @Body MeUpdate update, Authentication authentication) {
        return accounts.updateMe(Callers.accountId(authentication), update);
    }

    @Put("/me/password")
    @Status(HttpStatus.NO_CONTENT)
    void changePassword(@Body PasswordChange change, Authentication authentication) {
        accounts.changePassword(Callers.accountId(authentication), change);
    }

    @Post("/me/sessions/revocation")
    @Status(HttpStatus.NO_CONTENT)
    void revokeSessions(Authentication authentication) {
        accounts.revokeSessions(Callers.accountId(authentication));
    }

    @Post("/me/erasure")
    @Status(HttpStatus.NO_CONTENT)
    void eraseMe(@Body ErasureRequest request, Authentication authentication) {
        accounts.erase(Callers.accountId(authentication), request);
    }

    @Get("/me/export")
    PersonalDataExport export(Authentication authentication) {
        return accounts.export(Callers.accountId(authentication));
    }
}
