package nl.wijkopmaat.notification;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.notification.NotificationCommands.DeviceRegistration;
import nl.wijkopmaat.notification.NotificationCommands.Preferences;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class NotificationController {

    private final NotificationService notifications;
    private final DeviceService devices;
    private final PreferenceService preferences;
    private final Messages messages;

    NotificationController(NotificationService notifications, DeviceService devices, PreferenceService preferences,
                           Messages messages) {
        this.notifications = notifications;
        this.devices = devices;
        this.preferences = preferences;
        this.messages = messages;
    }

    /** 201 for a device new to this account (also a token moved here), 200 when it was registered already. */
    @Post("/devices")
    HttpResponse<DeviceView> registerDevice(@Valid @Body DeviceRegistration registration, Authentication authentication) {
        DeviceService.Registered registered = devices.register(Callers.accountId(authentication), registration);
        DeviceView view = DeviceView.of(registered.device());
        return registered.created() ? HttpResponse.created(view, URI.create("/api/v1/devices/" + view.id()))
                : HttpResponse.ok(view);
    }

    @Delete("/devices/{deviceId}")
    @Status(HttpStatus.NO_CONTENT)
    void removeDevice(@PathVariable UUID deviceId, Authentication authentication) {
        devices.remove(Callers.accountId(authentication), deviceId);
    }

    /** Texts in the language the request asks for, as problem details are. */
    @Get("/notifications")
    Inbox inbox(@Valid @RequestBean PageRequest page, HttpRequest<?> request, Authentication authentication) {
        return notifications.inbox(Callers.accountId(authentication), page, messages.locale(request));
    }

    @Put("/notifications/{notificationId}/read")
    NotificationView markRead(@PathVariable UUID notificationId, HttpRequest<?> request, Authentication authentication) {
        return notifications.markRead(Callers.accountId(authentication), notificationId, messages.locale(request));
    }

    /** Marks the whole inbox as read. */
    @Put("/notifications/read")
    @Status(HttpStatus.NO_CONTENT)
    void markAllRead(Authentication authentication) {
        notifications.markAllRead(Callers.accountId(authentication));
    }

    @Get("/me/notification-preferences")
    Preferences preferences(Authentication authentication) {
        return preferences.of(Callers.accountId(authentication));
    }

    @Put("/me/notification-preferences")
    Preferences updatePreferences(@Valid @Body Preferences changes, Authentication authentication) {
        return preferences.update(Callers.accountId(authentication), changes);
    }
}
