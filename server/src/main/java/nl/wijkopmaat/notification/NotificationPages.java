package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.Validator;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParams;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.CsrfChecked;
import nl.wijkopmaat.common.portal.FormErrors;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.initiative.InitiativeService;
import nl.wijkopmaat.notification.NotificationCommands.CategorySwitches;
import nl.wijkopmaat.notification.NotificationCommands.Preferences;
import nl.wijkopmaat.notification.NotificationCommands.QuietHoursSetting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-in person's inbox (newest first, a page at a time, mark one or all as read) and their
 * notification preferences (push and mail per category, quiet hours). Every form is the same service
 * call as the API's.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
class NotificationPages {

    static final String INBOX = "/mijn/berichten";
    static final String PREFERENCES = "/mijn/meldingen";
    private static final int PAGE_SIZE = 20;
    private static final String INITIATIVE = "INITIATIVE";
    private static final String ON = "aan";

    private final NotificationService notifications;
    private final PreferenceService preferences;
    private final InitiativeService initiatives;
    private final GeographyService geography;
    private final Layouts layouts;
    private final Validator validator;

    NotificationPages(NotificationService notifications, PreferenceService preferences, InitiativeService initiatives,
                      GeographyService geography, Layouts layouts, Validator validator) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.initiatives = initiatives;
        this.geography = geography;
        this.layouts = layouts;
        this.validator = validator;
    }

    /** {@code na} is the service's cursor: the page after the one it came from. */
    @Get(INBOX)
    MutableHttpResponse<?> inbox(HttpRequest<?> request, @Nullable Authentication authentication,
                                 @QueryValue("na") @Nullable String after) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Locale locale = layouts.locale(request);
        Inbox inbox = notifications.inbox(Callers.accountId(authentication), new PageRequest(PAGE_SIZE, after), locale);
        Map<UUID, String> links = links(inbox.items());
        List<Item> items = inbox.items().stream().map(n -> new Item(n, links.get(n.id()))).toList();
        String next = inbox.nextCursor() == null ? null
                : INBOX + "?na=" + URLEncoder.encode(inbox.nextCursor(), StandardCharsets.UTF_8);
        return HttpResponse.ok(page("notification/inbox", new InboxPage(layouts.of(request, "portal.inbox.title"), items,
                inbox.unreadCount(), next, after == null ? INBOX : INBOX + "?na=" + URLEncoder.encode(after, StandardCharsets.UTF_8))));
    }

    /**
     * The portal page of what each notification is about, where there is one: initiatives (under
     * their municipality, read for the whole page at once); other things have no page yet.
     */
    private Map<UUID, String> links(List<NotificationView> items) {
        List<UUID> initiativeIds = items.stream().filter(n -> INITIATIVE.equals(n.resourceType()))
                .map(NotificationView::resourceId).distinct().toList();
        Map<UUID, UUID> municipalityOf = initiatives.municipalitiesOf(initiativeIds);
        if (municipalityOf.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> slugs = new HashMap<>();
        geography.allMunicipalities().forEach(m -> slugs.put(m.id(), Slugs.of(m.name())));
        Map<UUID, String> links = new HashMap<>();
        for (NotificationView n : items) {
            UUID municipality = INITIATIVE.equals(n.resourceType()) ? municipalityOf.get(n.resourceId()) : null;
            if (municipality != null && slugs.containsKey(municipality)) {
                links.put(n.id(), "/" + slugs.get(municipality) + "/initiatieven/" + n.resourceId());
            }
        }
        return links;
    }

    @Post(INBOX + "/{id}/gelezen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> markRead(HttpRequest<?> request, UUID id, @Nullable Authentication authentication,
                                    @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        notifications.markRead(Callers.accountId(authentication), id, layouts.locale(request));
        return Redirects.to(backToInbox(form));
    }

    @Post(INBOX + "/gelezen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> markAllRead(HttpRequest<?> request, @Nullable Authentication authentication,
                                       @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        notifications.markAllRead(Callers.accountId(authentication));
        return Redirects.to(backToInbox(form));
    }

    /** Back to the page of the inbox the form was on; nothing but an inbox page. */
    private static String backToInbox(Map<String, String> form) {
        String back = form.getOrDefault("terug", INBOX);
        return back.equals(INBOX) || back.startsWith(INBOX + "?") ? back : INBOX;
    }

    @Get(PREFERENCES)
    MutableHttpResponse<?> preferences(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Preferences current = preferences.of(Callers.accountId(authentication));
        return HttpResponse.ok(preferencesPage(request, formOf(current), FormErrors.none(),
                request.getParameters().contains("opgeslagen")));
    }

    @Post(PREFERENCES)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> savePreferences(HttpRequest<?> request, @Nullable Authentication authentication,
                                           @Body Map<String, String> form) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        Preferences changes = new Preferences(switches(form, "push"), switches(form, "mail"),
                new QuietHoursSetting(text(form, "quietHours.start"), text(form, "quietHours.end")));
        var violations = validator.validate(changes);
        if (!violations.isEmpty()) {
            FormErrors errors = FormErrors.of(ApiException.invalid(InvalidParams.of(violations)), layouts.texts(request));
            return HttpResponse.badRequest(preferencesPage(request, form, errors, false));
        }
        preferences.update(Callers.accountId(authentication), changes);
        return Redirects.to(PREFERENCES + "?opgeslagen=1");
    }

    /** A checkbox is in the form only when it is ticked. */
    private static CategorySwitches switches(Map<String, String> form, String channel) {
        return CategorySwitches.of(category -> form.containsKey(channel + "." + category.property()));
    }

    @Nullable
    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> formOf(Preferences current) {
        Map<String, String> form = new HashMap<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            if (current.push().enabled(category)) {
                form.put("push." + category.property(), ON);
            }
            if (current.mail() != null && current.mail().enabled(category)) {
                form.put("mail." + category.property(), ON);
            }
        }
        form.put("quietHours.start", current.quietHours().start());
        form.put("quietHours.end", current.quietHours().end());
        return form;
    }

    private ModelAndView<Map<String, Object>> preferencesPage(HttpRequest<?> request, Map<String, String> form,
                                                              FormErrors errors, boolean saved) {
        List<Category> categories = Arrays.stream(NotificationCategory.values())
                .map(c -> new Category(c.name(), c.property(), form.containsKey("push." + c.property()),
                        form.containsKey("mail." + c.property())))
                .toList();
        return page("notification/preferences", new PreferencesPage(layouts.of(request, "portal.preferences.title"),
                categories, form.getOrDefault("quietHours.start", ""), form.getOrDefault("quietHours.end", ""), errors, saved));
    }

    private static ModelAndView<Map<String, Object>> page(String view, Object model) {
        return new ModelAndView<>(view, Map.of("page", model));
    }

    /** A notification with the portal page it is about, or null where it has none. */
    record Item(NotificationView notification, @Nullable String href) {

        boolean read() {
            return notification.readAt() != null;
        }
    }

    /** {@code here} is this page of the inbox, where the read forms come back to. */
    record InboxPage(Layout layout, List<Item> items, long unreadCount, @Nullable String nextHref, String here) {
    }

    /** One category's switches as the form shows them; {@code property} names its fields. */
    record Category(String name, String property, boolean push, boolean mail) {
    }

    record PreferencesPage(Layout layout, List<Category> categories, String quietStart, String quietEnd, FormErrors errors,
                           boolean saved) {
    }
}
