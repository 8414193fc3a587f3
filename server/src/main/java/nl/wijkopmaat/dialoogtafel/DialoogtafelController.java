package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.AlertSettings;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.AttendanceRecord;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.Cancellation;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelChanges;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelCreate;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.ReportContent;
import nl.wijkopmaat.dialoogtafel.DialoogtafelService.Registered;
import nl.wijkopmaat.dialoogtafel.DialoogtafelService.TakenUp;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ActionPointView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.AlertSettingsView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.AttendanceView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.DialoogtafelView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.RegistrationView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ReportView;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class DialoogtafelController {

    private final DialoogtafelService dialoogtafels;
    private final Messages messages;

    DialoogtafelController(DialoogtafelService dialoogtafels, Messages messages) {
        this.dialoogtafels = dialoogtafels;
        this.messages = messages;
    }

    private static @Nullable UUID viewer(@Nullable Authentication authentication) {
        return authentication == null ? null : Callers.accountId(authentication);
    }

    @Get("/dialoogtafels")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<DialoogtafelView> list(@Valid @RequestBean DialoogtafelListQuery query, @Valid @RequestBean PageRequest page,
                                @Nullable Authentication authentication) {
        return dialoogtafels.list(query, viewer(authentication), page);
    }

    @Post("/dialoogtafels")
    @Idempotent
    HttpResponse<DialoogtafelView> create(@Valid @Body DialoogtafelCreate command, Authentication authentication) {
        DialoogtafelView created = dialoogtafels.create(Callers.accountId(authentication), command);
        return HttpResponse.created(created, URI.create("/api/v1/dialoogtafels/" + created.id()));
    }

    @Get("/dialoogtafels/{dialoogtafelId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    DialoogtafelView get(@PathVariable UUID dialoogtafelId, @Nullable Authentication authentication) {
        return dialoogtafels.get(dialoogtafelId, viewer(authentication));
    }

    @Patch("/dialoogtafels/{dialoogtafelId}")
    DialoogtafelView update(@PathVariable UUID dialoogtafelId, @Valid @Body DialoogtafelChanges changes,
                            Authentication authentication) {
        return dialoogtafels.update(dialoogtafelId, Callers.accountId(authentication), changes);
    }

    @Post("/dialoogtafels/{dialoogtafelId}/cancellation")
    @Idempotent
    HttpResponse<DialoogtafelView> cancel(@PathVariable UUID dialoogtafelId, @Valid @Body Cancellation cancellation,
                                          Authentication authentication) {
        return HttpResponse.ok(dialoogtafels.cancel(dialoogtafelId, Callers.accountId(authentication), cancellation));
    }

    @Get("/dialoogtafels/{dialoogtafelId}/registrations")
    Page<RegistrationView> registrations(@PathVariable UUID dialoogtafelId, @Valid @RequestBean PageRequest page,
                                         Authentication authentication) {
        return dialoogtafels.registrations(dialoogtafelId, Callers.accountId(authentication), page);
    }

    @Post("/dialoogtafels/{dialoogtafelId}/registrations")
    @Idempotent
    HttpResponse<RegistrationView> register(@PathVariable UUID dialoogtafelId, Authentication authentication) {
        Registered registered = dialoogtafels.register(dialoogtafelId, Callers.accountId(authentication));
        return registered.created()
                ? HttpResponse.created(registered.registration(), URI.create("/api/v1/dialoogtafels/" + dialoogtafelId))
                : HttpResponse.ok(registered.registration());
    }

    @Delete("/dialoogtafels/{dialoogtafelId}/registrations/me")
    @Status(HttpStatus.NO_CONTENT)
    void unregister(@PathVariable UUID dialoogtafelId, Authentication authentication) {
        dialoogtafels.unregister(dialoogtafelId, Callers.accountId(authentication));
    }

    @Put("/dialoogtafels/{dialoogtafelId}/attendance")
    AttendanceView attendance(@PathVariable UUID dialoogtafelId, @Valid @Body AttendanceRecord record,
                              Authentication authentication) {
        return dialoogtafels.recordAttendance(dialoogtafelId, Callers.accountId(authentication), record);
    }

    @Get("/dialoogtafels/{dialoogtafelId}/report")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ReportView report(@PathVariable UUID dialoogtafelId) {
        return dialoogtafels.report(dialoogtafelId);
    }

    @Put("/dialoogtafels/{dialoogtafelId}/report")
    ReportView publishReport(@PathVariable UUID dialoogtafelId, @Valid @Body ReportContent content,
                             Authentication authentication) {
        return dialoogtafels.publishReport(dialoogtafelId, Callers.accountId(authentication), content);
    }

    @Post("/dialoogtafels/{dialoogtafelId}/report/action-points/{actionPointId}/initiative")
    @Idempotent
    HttpResponse<ActionPointView> takeUp(@PathVariable UUID dialoogtafelId, @PathVariable UUID actionPointId,
                                         Authentication authentication) {
        TakenUp taken = dialoogtafels.takeUp(dialoogtafelId, actionPointId, Callers.accountId(authentication));
        return HttpResponse.created(taken.actionPoint(), URI.create("/api/v1/initiatives/" + taken.initiativeId()));
    }

    @Get(uri = "/dialoogtafels/{dialoogtafelId}/calendar", produces = DialoogtafelCalendar.MEDIA_TYPE)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> calendar(@PathVariable UUID dialoogtafelId, HttpRequest<?> request,
                                  @Nullable Authentication authentication) {
        String ics = dialoogtafels.calendar(dialoogtafelId, viewer(authentication),
                messages.get("dialoogtafel.calendar.facilitator", messages.locale(request)));
        return HttpResponse.ok(ics.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of(DialoogtafelCalendar.MEDIA_TYPE + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"dialoogtafel-" + dialoogtafelId + ".ics\"");
    }

    @Get("/me/dialoogtafel-alerts")
    AlertSettingsView alerts(Authentication authentication) {
        return dialoogtafels.alerts(Callers.accountId(authentication));
    }

    @Put("/me/dialoogtafel-alerts")
    AlertSettingsView updateAlerts(@Valid @Body AlertSettings settings, Authentication authentication) {
        return dialoogtafels.updateAlerts(Callers.accountId(authentication), settings.newInMyWijk());
    }
}
