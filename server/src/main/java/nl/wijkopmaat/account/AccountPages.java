package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.wijkopmaat.account.AccountCommands.AccountRegistration;
import nl.wijkopmaat.account.AccountCommands.ErasureRequest;
import nl.wijkopmaat.account.AccountCommands.PasswordReset;
import nl.wijkopmaat.account.AccountCommands.PasswordResetRequest;
import nl.wijkopmaat.account.AccountCommands.Verification;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Option;
import nl.wijkopmaat.common.portal.Portal;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtChoice;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The portal's account pages: sign in and out, register, the pages the verification and
 * password-reset mails link to, and "my data" (export, erasure, sign out everywhere). Every form
 * is the same service call as the API's.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class AccountPages {

    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    private final AccountService accounts;
    private final PortalSessions sessions;
    private final GeographyService geography;
    private final Layouts layouts;

    AccountPages(AccountService accounts, PortalSessions sessions, GeographyService geography, Layouts layouts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.geography = geography;
        this.layouts = layouts;
    }

    @Get(Redirects.SIGN_IN)
    ModelAndView<Map<String, Object>> signInForm(HttpRequest<?> request, @QueryValue("terug") @Nullable String back) {
        return signInPage(request, "", Portal.localPath(back), FormErrors.none());
    }

    @Post(Redirects.SIGN_IN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String email = form.getOrDefault("email", "").strip();
        String back = Portal.localPath(form.get("terug"));
        AuthenticationResponse outcome = sessions.authenticate(request, email, form.getOrDefault("password", ""));
        if (outcome.isAuthenticated() && outcome.getAuthentication().isPresent()) {
            return Redirects.to(back).cookie(sessions.cookieFor(outcome.getAuthentication().get()));
        }
        FormErrors errors;
        HttpStatus status;
        if (outcome instanceof SignInPostponed postponed) {
            errors = FormErrors.of(postponed.problem(), layouts.texts(request));
            status = postponed.problem().status();
        } else {
            errors = FormErrors.field("email", layouts.texts(request).t("problem.login.failed"));
            status = HttpStatus.UNAUTHORIZED;
        }
        return HttpResponse.status(status).body(signInPage(request, email, back, errors));
    }

    private ModelAndView<Map<String, Object>> signInPage(HttpRequest<?> request, String email, String back,
                                                         FormErrors errors) {
        return page("account/signin", new SignInPage(layouts.of(request, "portal.signIn.title"), email, back, errors));
    }

    @Post("/uitloggen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(@Body Map<String, String> form) {
        return Redirects.to("/").cookie(PortalSessions.cleared());
    }

    @Get("/registreren")
    ModelAndView<Map<String, Object>> registerForm(HttpRequest<?> request) {
        return registerPage(request, Map.of(), FormErrors.none());
    }

    @Post("/registreren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> register(HttpRequest<?> request, @Body Map<String, String> form) {
        FormErrors parseErrors = FormErrors.none();
        UUID municipalityId = uuid(form.get("municipalityId"));
        UUID buurtId = uuid(form.get("buurtId"));
        if (municipalityId == null) {
            parseErrors = FormErrors.field("municipalityId", layouts.texts(request).t("validation.NotNull"));
        }
        if (buurtId == null && form.get("buurtId") != null && !form.get("buurtId").isBlank()) {
            parseErrors = parseErrors.and(FormErrors.field("buurtId", layouts.texts(request).t("validation.buurt.unknown")));
        }
        if (!parseErrors.isEmpty()) {
            return HttpResponse.badRequest(registerPage(request, form, parseErrors));
        }
        try {
            accounts.register(new AccountRegistration(blankToNull(form.get("email")), form.get("password"),
                    blankToNull(form.get("displayName")), municipalityId, buurtId, layouts.locale(request).getLanguage()));
        } catch (ApiException refused) {
            return HttpResponse.badRequest(registerPage(request, form, FormErrors.of(refused, layouts.texts(request))));
        }
        return HttpResponse.ok(message(request, "portal.register.sent.title", "portal.register.sent.text"));
    }

    private ModelAndView<Map<String, Object>> registerPage(HttpRequest<?> request, Map<String, String> form, FormErrors errors) {
        List<PlaceOption> municipalities = new ArrayList<>();
        List<PlaceOption> buurten = new ArrayList<>();
        for (MunicipalityView municipality : geography.allMunicipalities()) {
            municipalities.add(new PlaceOption(municipality.id().toString(), municipality.name()));
        }
        for (BuurtChoice buurt : geography.allBuurten()) {
            buurten.add(new PlaceOption(buurt.id().toString(),
                    buurt.name() + " (" + buurt.wijkName() + ", " + buurt.municipalityName() + ")"));
        }
        return page("account/register", new RegisterPage(layouts.of(request, "portal.register.title"), form, municipalities,
                buurten, errors));
    }

    /** The page the verification mail links to: one button, so that a mail scanner opening the link verifies nothing. */
    @Get("/account/bevestigen")
    ModelAndView<Map<String, Object>> verifyForm(HttpRequest<?> request, @QueryValue("token") @Nullable String token) {
        return page("account/verify", new TokenPage(layouts.of(request, "portal.verify.title"), token == null ? "" : token,
                FormErrors.none()));
    }

    @Post("/account/bevestigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> verify(HttpRequest<?> request, @Body Map<String, String> form) {
        try {
            accounts.verify(new Verification(blankToNull(form.get("token"))));
        } catch (ApiException refused) {
            return HttpResponse.badRequest(page("account/verify", new TokenPage(layouts.of(request, "portal.verify.title"),
                    form.getOrDefault("token", ""), FormErrors.of(refused, layouts.texts(request)))));
        }
        return HttpResponse.ok(message(request, "portal.verify.done.title", "portal.verify.done.text"));
    }

    @Get("/wachtwoord-vergeten")
    ModelAndView<Map<String, Object>> forgotForm(HttpRequest<?> request) {
        return page("account/forgot", new EmailPage(layouts.of(request, "portal.forgot.title"), "", FormErrors.none()));
    }

    @Post("/wachtwoord-vergeten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> forgot(HttpRequest<?> request, @Body Map<String, String> form) {
        String email = form.getOrDefault("email", "").strip();
        try {
            accounts.requestPasswordReset(new PasswordResetRequest(blankToNull(email)));
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status()).body(page("account/forgot",
                    new EmailPage(layouts.of(request, "portal.forgot.title"), email, FormErrors.of(refused, layouts.texts(request)))));
        }
        return HttpResponse.ok(message(request, "portal.forgot.sent.title", "portal.forgot.sent.text"));
    }

    @Get("/account/wachtwoord-herstellen")
    ModelAndView<Map<String, Object>> resetForm(HttpRequest<?> request, @QueryValue("token") @Nullable String token) {
        return page("account/reset", new TokenPage(layouts.of(request, "portal.reset.title"), token == null ? "" : token,
                FormErrors.none()));
    }

    @Post("/account/wachtwoord-herstellen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reset(HttpRequest<?> request, @Body Map<String, String> form) {
        try {
            accounts.resetPassword(new PasswordReset(blankToNull(form.get("token")), form.get("password")));
        } catch (ApiException refused) {
            return HttpResponse.badRequest(page("account/reset", new TokenPage(layouts.of(request, "portal.reset.title"),
                    form.getOrDefault("token", ""), FormErrors.of(refused, layouts.texts(request)))));
        }
        return HttpResponse.ok(message(request, "portal.reset.done.title", "portal.reset.done.text"))
                .cookie(PortalSessions.cleared());
    }

    @Get("/mijn/gegevens")
    MutableHttpResponse<?> myData(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(myDataPage(request, authentication, FormErrors.none()));
    }

    private ModelAndView<Map<String, Object>> myDataPage(HttpRequest<?> request, Authentication authentication, FormErrors errors) {
        AccountView me = accounts.me(Callers.accountId(authentication));
        return page("account/mydata", new MyDataPage(layouts.of(request, "portal.myData.title"), me.displayName(), me.email(),
                errors));
    }

    /** Everything the service keeps of the reader, as the API's export, to save as a file. */
    @Get(value = "/mijn/gegevens/export", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> export(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        return HttpResponse.ok(accounts.export(Callers.accountId(authentication)))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"mijn-gegevens.json\"");
    }

    @Post("/mijn/gegevens/wissen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> erase(HttpRequest<?> request, @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        if (!"ja".equals(form.get("confirm"))) {
            return HttpResponse.badRequest(myDataPage(request, authentication,
                    FormErrors.field("confirm", layouts.texts(request).t("portal.myData.erase.confirmMissing"))));
        }
        try {
            accounts.erase(Callers.accountId(authentication), new ErasureRequest(form.getOrDefault("password", "")));
        } catch (ApiException refused) {
            FormErrors errors = refused.status() == HttpStatus.FORBIDDEN
                    ? FormErrors.field("password", layouts.texts(request).t("portal.myData.erase.wrongPassword"))
                    : FormErrors.of(refused, layouts.texts(request));
            return HttpResponse.status(refused.status()).body(myDataPage(request, authentication, errors));
        }
        return HttpResponse.ok(message(request, "portal.myData.erased.title", "portal.myData.erased.text"))
                .cookie(PortalSessions.cleared());
    }

    /** Ends every session of the account: this cookie, other browsers and the app's tokens. */
    @Post("/mijn/gegevens/overal-uitloggen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOutEverywhere(HttpRequest<?> request, @Nullable Authentication authentication,
                                             @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        accounts.revokeSessions(Callers.accountId(authentication));
        return Redirects.to(Redirects.SIGN_IN).cookie(PortalSessions.cleared());
    }

    private ModelAndView<Map<String, Object>> message(HttpRequest<?> request, String titleCode, String textCode) {
        Layout layout = layouts.of(request, titleCode);
        return page("account/message", new MessagePage(layout, layout.t(textCode)));
    }

    @Nullable
    private static UUID uuid(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    record SignInPage(Layout layout, String email, String back, FormErrors errors) {
    }

    record PlaceOption(String value, String label) implements Option {
    }

    record RegisterPage(Layout layout, Map<String, String> form, List<PlaceOption> municipalities, List<PlaceOption> buurten,
                        FormErrors errors) {

        String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    record TokenPage(Layout layout, String token, FormErrors errors) {
    }

    record EmailPage(Layout layout, String email, FormErrors errors) {
    }

    record MyDataPage(Layout layout, String displayName, String email, FormErrors errors) {
    }

    record MessagePage(Layout layout, String text) {
    }
}
