package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.ProblemResponses;

import java.util.Optional;
import java.util.UUID;

/**
 * An access token stops working the moment its account is erased or its sessions are ended (sign
 * out everywhere, a password change or reset), not when it expires: after the security filter has
 * read the token, the account must still be active and in the session epoch the token carries.
 */
@ServerFilter("/api/**")
class ActiveAccountFilter implements Ordered {

    private final AccountService accounts;
    private final ProblemResponses problems;

    ActiveAccountFilter(AccountService accounts, ProblemResponses problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireActiveAccount(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()
                || accounts.isCurrentSession(UUID.fromString(authentication.get().getName()),
                SessionClaimsGenerator.sessionEpoch(authentication.get()))) {
            return null;
        }
        return problems.of(request, ApiException.unauthorized("problem.unauthorized"));
    }
}
