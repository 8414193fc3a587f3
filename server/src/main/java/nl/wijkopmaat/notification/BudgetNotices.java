package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AssignedRole;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.budget.BudgetEvent;
import nl.wijkopmaat.common.security.Role;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears what about the wijkbudget, under the category wijkbudget:
 * <ul>
 * <li>a grant waiting for a second board member reaches the board members who can confirm it: the
 * chair when the secretary prepared it, otherwise the other board members;</li>
 * <li>money committed to an initiative, and money paid out for it, reach its author and its
 * supporters.</li>
 * </ul>
 * Never the person who acted, one notice per person and event. Runs in the transaction that
 * published the event.
 */
@Singleton
class BudgetNotices {

    private static final String RESOURCE_TYPE = "GRANT";

    private final NotificationService notifications;
    private final RoleAssignmentService roles;

    BudgetNotices(NotificationService notifications, RoleAssignmentService roles) {
        this.notifications = notifications;
        this.roles = roles;
    }

    @EventListener
    void on(BudgetEvent event) {
        Map<UUID, Notice> byRecipient = new LinkedHashMap<>();
        switch (event.kind()) {
            case GRANT_PENDING -> {
                List<Role> confirmers = event.proposedAs() == Role.SECRETARY
                        ? List.of(Role.CHAIR) : List.of(Role.CHAIR, Role.SECRETARY);
                roles.holders(event.wijkplatformId(), confirmers).stream().map(AssignedRole::accountId)
                        .forEach(member -> add(byRecipient, member, event));
            }
            case GRANT_COMMITTED, PAYOUT -> {
                add(byRecipient, event.authorId(), event);
                event.supporterIds().forEach(supporter -> add(byRecipient, supporter, event));
            }
        }
        notifications.notify(byRecipient.values());
    }

    private static void add(Map<UUID, Notice> byRecipient, @Nullable UUID recipient, BudgetEvent event) {
        if (recipient == null || recipient.equals(event.actorId())) {
            return;
        }
        Map<String, String> args = new LinkedHashMap<>();
        args.put("title", event.initiativeTitle());
        args.put("amount", "€ " + euros(event.amountCents(), Locale.forLanguageTag("nl")));
        args.put("amountEn", "€" + euros(event.amountCents(), Locale.ENGLISH));
        byRecipient.putIfAbsent(recipient, new Notice(recipient, NotificationCategory.WIJKBUDGET, event.kind().name(),
                RESOURCE_TYPE, event.grantId(), args));
    }

    private static String euros(long cents, Locale locale) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale)).format(BigDecimal.valueOf(cents, 2));
    }
}
