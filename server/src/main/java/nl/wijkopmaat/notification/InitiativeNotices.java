package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AssignedRole;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.initiative.InitiativeEvent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears what about initiatives, each in words that fit them:
 * <ul>
 * <li>the author, under "my initiatives", about every step and about new comments;</li>
 * <li>supporters, under "initiatives I support", about the steps, and that the municipality handles
 * it when an official takes it, never "your initiative has an owner";</li>
 * <li>the chair of the wijk's platform, under "initiatives to handle", when one is submitted,
 * resubmitted or withdrawn;</li>
 * <li>the municipality's officials when one waits for an owner: submitted, or resubmitted while
 * its owner is no official there any more;</li>
 * <li>the owner when they are assigned, when a resubmitted initiative comes back to them, and about
 * a decision or withdrawal they did not make themselves;</li>
 * <li>the writer of a hidden comment, under "my comments", with the moderator's reason.</li>
 * </ul>
 * Never the person who acted, and one notice per person and event: someone reached by two rules
 * (an official who also supports the initiative) gets the first, in the order author, owner, chair,
 * officials, supporters. Runs in the transaction that published the event. Each feature has one
 * such class.
 */
@Singleton
class InitiativeNotices {

    private static final String RESOURCE_TYPE = "INITIATIVE";

    private final NotificationService notifications;
    private final RoleAssignmentService roles;
    private final GeographyService geography;

    InitiativeNotices(NotificationService notifications, RoleAssignmentService roles, GeographyService geography) {
        this.notifications = notifications;
        this.roles = roles;
        this.geography = geography;
    }

    @EventListener
    void on(InitiativeEvent event) {
        Notices notices = new Notices(event);
        String text = "notification." + notices.kind;
        switch (event.kind()) {
            case SUBMITTED -> {
                notices.toChairs(text + ".chair");
                notices.toOfficials(text + ".officials");
            }
            case RESUBMITTED -> {
                notices.toChairs(text + ".chair");
                if (event.ownerId() == null) {
                    notices.toOfficials(text + ".officials");
                }
                notices.toSupporters(text);
            }
            case OWNER_ASSIGNED -> {
                // Taken back automatically on resubmission: supporters already heard of the resubmission.
                notices.toAuthor(event.automatic() ? text + ".authorAgain" : text);
                notices.toOwner(event.automatic() ? text + ".ownerAgain" : text + ".owner");
                if (!event.automatic()) {
                    notices.toSupporters(text + ".supporter");
                }
            }
            case APPROVED, REJECTED, CHANGES_REQUESTED -> {
                notices.toAuthor(text);
                notices.toOwner(text);
                notices.toSupporters(text);
            }
            case WITHDRAWN -> {
                notices.toOwner(text);
                notices.toChairs(text);
                notices.toSupporters(text);
            }
            case FUNDED, STARTED, COMPLETED -> {
                notices.toAuthor(text);
                notices.toSupporters(text);
            }
            case COMMENTED -> notices.toAuthor(text);
            case COMMENT_HIDDEN -> notices.toCommentWriter(text);
        }
        notifications.notify(notices.all());
    }

    /** The notices of one event, at most one per person, never to the person who acted. */
    private final class Notices {

        private final InitiativeEvent event;
        private final String kind;
        private final Map<UUID, Notice> byRecipient = new LinkedHashMap<>();

        Notices(InitiativeEvent event) {
            this.event = event;
            this.kind = "INITIATIVE_" + event.kind().name();
        }

        void toAuthor(String message) {
            add(event.authorId(), NotificationCategory.MY_INITIATIVES, message, Map.of());
        }

        void toOwner(String message) {
            add(event.ownerId(), NotificationCategory.INITIATIVES_TO_HANDLE, message, Map.of());
        }

        void toChairs(String message) {
            geography.wijkplatformIdOf(event.wijkId()).ifPresent(platform ->
                    holders(platform, Role.CHAIR).forEach(chair ->
                            add(chair, NotificationCategory.INITIATIVES_TO_HANDLE, message, Map.of())));
        }

        void toOfficials(String message) {
            holders(event.municipalityId(), Role.OFFICIAL).forEach(official ->
                    add(official, NotificationCategory.INITIATIVES_TO_HANDLE, message, Map.of()));
        }

        void toSupporters(String message) {
            event.supporterIds().forEach(supporter ->
                    add(supporter, NotificationCategory.SUPPORTED_INITIATIVES, message, Map.of()));
        }

        void toCommentWriter(String message) {
            add(event.commentAuthorId(), NotificationCategory.MY_COMMENTS, message,
                    Map.of("reason", event.reason() == null ? "" : event.reason()));
        }

        private List<UUID> holders(UUID scope, Role role) {
            return roles.holders(scope, List.of(role)).stream().map(AssignedRole::accountId).toList();
        }

        private void add(@Nullable UUID recipient, NotificationCategory category, String message,
                         Map<String, String> extraArgs) {
            if (recipient == null || recipient.equals(event.actorId())) {
                return;
            }
            Map<String, String> args = new LinkedHashMap<>(extraArgs);
            args.put("title", event.initiativeTitle());
            byRecipient.putIfAbsent(recipient,
                    new Notice(recipient, category, kind, message, RESOURCE_TYPE, event.initiativeId(), args));
        }

        Collection<Notice> all() {
            return byRecipient.values();
        }
    }
}
