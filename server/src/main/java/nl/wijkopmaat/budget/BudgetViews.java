package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.PersonRef;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class BudgetViews {

    private BudgetViews() {
    }

    /** One year in the list of a platform's budgets. */
    @Serdeable
    record BudgetYearView(int year, long availableCents, boolean closed) {

        static BudgetYearView of(Budget budget) {
            return new BudgetYearView(budget.year(), budget.availableCents(), budget.closed());
        }
    }

    /**
     * The account of a year for residents: where the money came from, what was granted, paid and
     * released, and what is left. Granted is committed money; reserved waits for a second board member.
     */
    @Serdeable
    record BudgetAccountView(UUID wijkplatformId, int year, long allocatedCents, long contributionsCents,
                             long carriedOverInCents, long reservedCents, long grantedCents, long paidCents,
                             long releasedCents, long carriedOverOutCents, long returnedCents, long availableCents,
                             boolean closed, @Nullable Instant closedAt, List<GrantView> grants) {

        static BudgetAccountView of(Budget b, List<Grant> grants) {
            return new BudgetAccountView(b.wijkplatformId(), b.year(), b.allocatedCents(), b.contributedCents(),
                    b.carriedInCents(), b.reservedCents(), b.committedCents(), b.paidCents(), b.releasedCents(),
                    b.carriedOutCents(), b.returnedCents(), b.availableCents(), b.closed(), b.closedAt(),
                    grants.stream().map(grant -> GrantView.of(grant, b)).toList());
        }

        /** A year nobody has put money in yet. */
        static BudgetAccountView empty(UUID wijkplatformId, int year) {
            return new BudgetAccountView(wijkplatformId, year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, null, List.of());
        }
    }

    @Serdeable
    record GrantView(UUID id, UUID wijkplatformId, int year, UUID initiativeId, String initiativeTitle, long amountCents,
                     long paidCents, long releasedCents, GrantStatus status, @Nullable String note, Instant createdAt,
                     @Nullable Instant decidedAt) {

        static GrantView of(Grant grant, Budget budget) {
            return new GrantView(grant.id(), budget.wijkplatformId(), budget.year(), grant.initiativeId(),
                    grant.initiativeTitle(), grant.amountCents(), grant.paidCents(), grant.releasedCents(),
                    grant.status(), grant.note(), grant.createdAt(), grant.decidedAt());
        }
    }

    /** A ledger entry; payouts, releases and contributions are ledger entries of their type. */
    @Serdeable
    record EntryView(UUID id, EntryType type, long amountCents, long availableCents, @Nullable UUID grantId,
                     @Nullable UUID initiativeId, @Nullable String partnerName, @Nullable LocalDate paidOn,
                     @Nullable String reference, @Nullable String reason, @Nullable PersonRef actor, Instant createdAt) {

        static EntryView of(LedgerEntry e, @Nullable UUID actorId, Map<UUID, AccountRef> people) {
            return new EntryView(e.id(), e.entryType(), e.amountCents(), e.availableCents(), e.grantId(),
                    e.initiativeId(), e.partnerName(), e.paidOn(), e.reference(), e.reason(),
                    PersonRef.of(actorId, people), e.createdAt());
        }
    }

    /**
     * A grant as its board sees it: who proposed it in which role, who decided it, what is still open
     * on it, and what the reader may do with it now.
     */
    record BoardGrantView(GrantView grant, Role proposedAs, @Nullable PersonRef proposer, @Nullable PersonRef decider,
                          long openCents, boolean mayConfirm, boolean mayCancel, boolean mayPay) {
    }

    /** A year for the readers of its ledger: the reader's board role (null for an admin), the threshold, a page of grants. */
    record BoardYearView(BudgetAccountView account, @Nullable Role role, long thresholdCents, Page<BoardGrantView> grants) {
    }

    @Serdeable
    record SettingsView(UUID municipalityId, long grantThresholdCents, YearEndPolicy yearEndPolicy) {
    }
}
