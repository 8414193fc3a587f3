package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.wijkopmaat.common.idempotency.Idempotent;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Callers;
import nl.wijkopmaat.volunteering.VolunteeringCommands.HoursConfirmation;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityChanges;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityCreate;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ProfileUpdate;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftChanges;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftCreate;
import nl.wijkopmaat.volunteering.VolunteeringService.Signed;
import nl.wijkopmaat.volunteering.VolunteeringViews.HoursView;
import nl.wijkopmaat.volunteering.VolunteeringViews.MyVolunteeringView;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityDetail;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityView;
import nl.wijkopmaat.volunteering.VolunteeringViews.ProfileView;
import nl.wijkopmaat.volunteering.VolunteeringViews.ShiftView;
import nl.wijkopmaat.volunteering.VolunteeringViews.SignupView;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class VolunteeringController {

    private final VolunteeringService volunteering;

    VolunteeringController(VolunteeringService volunteering) {
        this.volunteering = volunteering;
    }

    private static @Nullable UUID viewer(@Nullable Authentication authentication) {
        return authentication == null ? null : Callers.accountId(authentication);
    }

    @Get("/volunteer-opportunities")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<OpportunityView> list(@Valid @RequestBean OpportunityListQuery query, @Valid @RequestBean PageRequest page,
                               @Nullable Authentication authentication) {
        return volunteering.list(query, viewer(authentication), page);
    }

    @Post("/volunteer-opportunities")
    @Idempotent
    HttpResponse<OpportunityDetail> create(@Valid @Body OpportunityCreate command, Authentication authentication) {
        OpportunityDetail created = volunteering.create(Callers.accountId(authentication), command);
        return HttpResponse.created(created, URI.create("/api/v1/volunteer-opportunities/" + created.id()));
    }

    @Get("/volunteer-opportunities/{opportunityId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    OpportunityDetail get(@PathVariable UUID opportunityId, @Nullable Authentication authentication) {
        return volunteering.get(opportunityId, viewer(authentication));
    }

    @Patch("/volunteer-opportunities/{opportunityId}")
    OpportunityDetail update(@PathVariable UUID opportunityId, @Valid @Body OpportunityChanges changes,
                             Authentication authentication) {
        return volunteering.update(opportunityId, Callers.accountId(authentication), changes);
    }

    @Get("/volunteer-opportunities/{opportunityId}/shifts")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Page<ShiftView> shifts(@PathVariable UUID opportunityId, @Valid @RequestBean PageRequest page,
                           @Nullable Authentication authentication) {
        return volunteering.shifts(opportunityId, viewer(authentication), page);
    }

    @Post("/volunteer-opportunities/{opportunityId}/shifts")
    @Idempotent
    HttpResponse<ShiftView> addShift(@PathVariable UUID opportunityId, @Valid @Body ShiftCreate command,
                                     Authentication authentication) {
        ShiftView shift = volunteering.addShift(opportunityId, Callers.accountId(authentication), command);
        return HttpResponse.created(shift, URI.create("/api/v1/shifts/" + shift.id()));
    }

    @Get("/shifts/{shiftId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ShiftView shift(@PathVariable UUID shiftId, @Nullable Authentication authentication) {
        return volunteering.shift(shiftId, viewer(authentication));
    }

    @Patch("/shifts/{shiftId}")
    ShiftView changeShift(@PathVariable UUID shiftId, @Valid @Body ShiftChanges changes, Authentication authentication) {
        return volunteering.changeShift(shiftId, Callers.accountId(authentication), changes);
    }

    @Post("/shifts/{shiftId}/cancellation")
    @Idempotent
    HttpResponse<ShiftView> cancelShift(@PathVariable UUID shiftId, Authentication authentication) {
        return HttpResponse.ok(volunteering.cancelShift(shiftId, Callers.accountId(authentication)));
    }

    @Get("/shifts/{shiftId}/signups")
    Page<SignupView> signups(@PathVariable UUID shiftId, @Valid @RequestBean PageRequest page,
                             Authentication authentication) {
        return volunteering.signups(shiftId, Callers.accountId(authentication), page);
    }

    @Post("/shifts/{shiftId}/signups")
    @Idempotent
    HttpResponse<SignupView> signUp(@PathVariable UUID shiftId, Authentication authentication) {
        Signed signed = volunteering.signUp(shiftId, Callers.accountId(authentication));
        return signed.created()
                ? HttpResponse.created(signed.signup(), URI.create("/api/v1/shifts/" + shiftId))
                : HttpResponse.ok(signed.signup());
    }

    @Delete("/shifts/{shiftId}/signups/me")
    @Status(HttpStatus.NO_CONTENT)
    void leave(@PathVariable UUID shiftId, Authentication authentication) {
        volunteering.leave(shiftId, Callers.accountId(authentication));
    }

    @Put("/shifts/{shiftId}/hours")
    HoursView confirmHours(@PathVariable UUID shiftId, @Valid @Body HoursConfirmation confirmation,
                           Authentication authentication) {
        return new HoursView(volunteering.confirmHours(shiftId, Callers.accountId(authentication), confirmation));
    }

    @Get("/me/volunteering")
    MyVolunteeringView mine(Authentication authentication) {
        return volunteering.mine(Callers.accountId(authentication));
    }

    @Get("/me/volunteer-profile")
    ProfileView profile(Authentication authentication) {
        return volunteering.profile(Callers.accountId(authentication));
    }

    @Put("/me/volunteer-profile")
    ProfileView updateProfile(@Valid @Body ProfileUpdate update, Authentication authentication) {
        return volunteering.updateProfile(Callers.accountId(authentication), update);
    }
}
