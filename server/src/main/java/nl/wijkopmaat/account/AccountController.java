package nl.wijkopmaat.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.account.AccountCommands.AccountRegistration;
import nl.wijkopmaat.account.AccountCommands.MeUpdate;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.security.Callers;

import java.net.URI;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Post("/accounts")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Idempotent
    HttpResponse<AccountView> register(@Body AccountRegistration registration) {
        return HttpResponse.created(accounts.register(registration), URI.create("/api/v1/me"));
    }

    @Get("/me")
    AccountView me(Authentication authentication) {
        return accounts.me(Callers.accountId(authentication));
    }

    @Patch("/me")
    AccountView updateMe(@Valid @Body MeUpdate update, Authentication authentication) {
        return accounts.updateMe(Callers.accountId(authentication), update);
    }

    @Delete("/me")
    @Status(HttpStatus.NO_CONTENT)
    void eraseMe(Authentication authentication) {
        accounts.erase(Callers.accountId(authentication));
    }

    @Get("/me/export")
    PersonalDataExport export(Authentication authentication) {
        return accounts.export(Callers.accountId(authentication));
    }
}
