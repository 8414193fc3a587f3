package nl.wijkopmaat.monitor;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.monitor.MonitorCommands.InhabitantsRequest;
import nl.wijkopmaat.monitor.MonitorCommands.TargetRequest;
import nl.wijkopmaat.monitor.MonitorViews.InhabitantsView;
import nl.wijkopmaat.monitor.MonitorViews.TargetView;

import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MonitorController {

    private static final MediaType CSV = MediaType.of(MonitorCsv.MEDIA_TYPE);
    private static final MediaType CSV_UTF8 = MediaType.of(MonitorCsv.MEDIA_TYPE + ";charset=UTF-8");

    private final MonitorService monitor;

    MonitorController(MonitorService monitor) {
        this.monitor = monitor;
    }

    @Get(uri = "/wijken/{wijkId}/monitor", produces = {MediaType.APPLICATION_JSON, MonitorCsv.MEDIA_TYPE})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> wijk(@PathVariable UUID wijkId, HttpRequest<?> request) {
        if (wantsCsv(request)) {
            return HttpResponse.ok(MonitorCsv.wijk(monitor.wijk(wijkId))).contentType(CSV_UTF8)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"monitor-" + wijkId + ".csv\"");
        }
        return HttpResponse.ok(monitor.wijk(wijkId));
    }

    @Get(uri = "/municipalities/{municipalityId}/monitor", produces = {MediaType.APPLICATION_JSON, MonitorCsv.MEDIA_TYPE})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> municipality(@PathVariable UUID municipalityId, HttpRequest<?> request) {
        if (wantsCsv(request)) {
            return HttpResponse.ok(MonitorCsv.municipality(monitor.municipality(municipalityId))).contentType(CSV_UTF8)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"monitor-" + municipalityId + ".csv\"");
        }
        return HttpResponse.ok(monitor.municipality(municipalityId));
    }

    @Put("/wijken/{wijkId}/inhabitants")
    InhabitantsView wijkInhabitants(@PathVariable UUID wijkId, @Valid @Body InhabitantsRequest request,
                                    Authentication authentication) {
        return monitor.putWijkInhabitants(Callers.accountId(authentication), wijkId, request);
    }

    @Put("/buurten/{buurtId}/inhabitants")
    InhabitantsView buurtInhabitants(@PathVariable UUID buurtId, @Valid @Body InhabitantsRequest request,
                                     Authentication authentication) {
        return monitor.putBuurtInhabitants(Callers.accountId(authentication), buurtId, request);
    }

    @Get("/municipalities/{municipalityId}/monitor-targets")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<TargetView> targets(@PathVariable UUID municipalityId) {
        return monitor.targets(municipalityId);
    }

    @Put("/municipalities/{municipalityId}/monitor-targets/{indicator}")
    TargetView putTarget(@PathVariable UUID municipalityId, @PathVariable String indicator,
                         @Valid @Body TargetRequest request, Authentication authentication) {
        return monitor.putTarget(Callers.accountId(authentication), municipalityId, indicator, request);
    }

    private static boolean wantsCsv(HttpRequest<?> request) {
        boolean csv = request.accept().stream().anyMatch(type -> type.matches(CSV));
        boolean json = request.accept().stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE));
        return csv && !json;
    }
}
