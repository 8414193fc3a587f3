package nl.wijkopmaat.initiative;

import java.util.UUID;

/** An initiative the wijkbudget may grant money to, as the board chooses it: what it asked for. */
public record FundableInitiative(UUID id, String title, InitiativeStatus status, long requestedBudgetCents) {
}
