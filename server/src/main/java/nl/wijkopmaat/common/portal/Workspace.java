package nl.wijkopmaat.common.portal;

import io.micronaut.core.order.Ordered;

import java.util.List;
import java.util.UUID;

/**
 * A feature's workspaces in the portal for the people who hold a role in it (the wijkplatform board,
 * officials, admins): {@code /werkplek} lists the entries of every feature for the signed-in person.
 * The pages behind them check the role again through the feature's services.
 */
public interface Workspace extends Ordered {

    /** The workspaces this person may open now; none when they hold no role for it. */
    List<Entry> entriesFor(UUID accountId, Texts texts);

    /** One workspace: its name, what is done there, and its address. */
    record Entry(String title, String description, String href) {
    }
}
