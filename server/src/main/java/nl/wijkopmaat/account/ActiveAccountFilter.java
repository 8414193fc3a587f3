package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.ProblemResponses;

import java.security.Principal;
import java.util.UUID;

/**
 * An access token stops working the moment its account is erased, not when it expires: after the
 * security filter has read the token, the account must still be active.
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
        String subject = request.getUserPrincipal().map(Principal::getName).orElse(null);
        if (subject == null || accounts.isActive(UUID.fromString(subject))) {
            return null;
        }
        return problems.of(request, ApiException.unauthorized("problem.unauthorized"));
    }
}
