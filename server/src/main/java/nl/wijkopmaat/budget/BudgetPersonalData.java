package nl.wijkopmaat.budget;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.Map;
import java.util.UUID;

/**
 * The grants a person proposed or decided and the ledger entries they booked. On erasure the grants
 * and the ledger stay, because they are the platform's accounts; the person is detached from them.
 */
@Singleton
class BudgetPersonalData implements PersonalDataContributor {

    private final GrantRepository grants;
    private final LedgerRepository ledger;
    private final LedgerQueries ledgerQueries;

    BudgetPersonalData(GrantRepository grants, LedgerRepository ledger, LedgerQueries ledgerQueries) {
        this.grants = grants;
        this.ledger = ledger;
        this.ledgerQueries = ledgerQueries;
    }

    @Override
    public String section() {
        return "wijkbudget";
    }

    @Override
    public Object export(UUID accountId) {
        return Map.of(
                "grants", grants.involving(accountId).stream()
                        .map(g -> Map.of("id", g.id(), "initiativeId", g.initiativeId(), "amountCents", g.amountCents(),
                                "status", g.status(), "proposedByMe", accountId.equals(g.proposedBy()),
                                "decidedByMe", accountId.equals(g.decidedBy()), "createdAt", g.createdAt()))
                        .toList(),
                "ledgerEntries", ledgerQueries.actedBy(accountId).stream()
                        .map(row -> Map.of("id", row.entry().id(), "type", row.entry().entryType(),
                                "amountCents", row.entry().amountCents(), "createdAt", row.entry().createdAt()))
                        .toList());
    }

    @Override
    public void erase(UUID accountId) {
        grants.detachProposer(accountId);
        grants.detachDecider(accountId);
        ledger.detachActor(accountId);
    }
}
