package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.PersonRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

final class VolunteeringViews {

    private VolunteeringViews() {
    }

    @Serdeable
    record OpportunityView(UUID id, String title, String description, UUID municipalityId, UUID wijkId,
                           @Nullable UUID buurtId, @Nullable PersonRef organiser, List<PersonRef> coordinators,
                           List<String> skills, @Nullable String minimumAgeNote, OpportunityStatus status,
                           Instant createdAt, Instant updatedAt) {

        static OpportunityView of(Opportunity o, List<String> skills, List<UUID> coordinators,
                                  Map<UUID, AccountRef> people) {
            return new OpportunityView(o.id(), o.title(), o.description(), o.municipalityId(), o.wijkId(), o.buurtId(),
                    PersonRef.of(o.organiserId(), people),
                    coordinators.stream().map(id -> PersonRef.of(id, people)).filter(Objects::nonNull).toList(),
                    skills, o.minimumAgeNote(), o.status(), o.createdAt(), o.updatedAt());
        }
    }

    /** An opportunity with its shifts still to come; {@code totals} only for those who run it. */
    @Serdeable
    record OpportunityDetail(UUID id, String title, String description, UUID municipalityId, UUID wijkId,
                             @Nullable UUID buurtId, @Nullable PersonRef organiser, List<PersonRef> coordinators,
                             List<String> skills, @Nullable String minimumAgeNote, OpportunityStatus status,
                             Instant createdAt, Instant updatedAt, List<ShiftView> upcomingShifts,
                             @Nullable TotalsView totals) {

        static OpportunityDetail of(OpportunityView o, List<ShiftView> upcoming, @Nullable TotalsView totals) {
            return new OpportunityDetail(o.id(), o.title(), o.description(), o.municipalityId(), o.wijkId(),
                    o.buurtId(), o.organiser(), o.coordinators(), o.skills(), o.minimumAgeNote(), o.status(),
                    o.createdAt(), o.updatedAt(), upcoming, totals);
        }
    }

    @Serdeable
    record TotalsView(long confirmedMinutes, long volunteersPresent, long noShows) {
    }

    @Serdeable
    record ShiftView(UUID id, UUID opportunityId, Instant startsAt, Instant endsAt, int capacity, int seatsLeft,
                     @Nullable String place, ShiftStatus status, boolean signedUpByMe) {

        static ShiftView of(Shift shift, boolean signedUpByMe) {
            return new ShiftView(shift.id(), shift.opportunityId(), shift.startsAt(), shift.endsAt(), shift.capacity(),
                    shift.seatsLeft(), shift.place(), shift.status(), signedUpByMe);
        }
    }

    @Serdeable
    record SignupView(UUID id, UUID shiftId, @Nullable PersonRef volunteer, Instant signedUpAt,
                      @Nullable HoursOutcome outcome, @Nullable Integer minutes, @Nullable Instant confirmedAt) {

        static SignupView of(Signup signup, Map<UUID, AccountRef> people) {
            return new SignupView(signup.id(), signup.shiftId(), PersonRef.of(signup.accountId(), people),
                    signup.signedUpAt(), signup.outcome(), signup.minutes(), signup.confirmedAt());
        }
    }

    /** One of my shifts, with what was confirmed for me. */
    @Serdeable
    record MyShiftView(UUID shiftId, UUID opportunityId, String opportunityTitle, Instant startsAt, Instant endsAt,
                       @Nullable String place, ShiftStatus status, @Nullable HoursOutcome outcome,
                       @Nullable Integer minutes) {
    }

    @Serdeable
    record YearHoursView(int year, long minutes) {
    }

    @Serdeable
    record HoursView(List<SignupView> volunteers) {
    }

    @Serdeable
    record MyVolunteeringView(List<MyShiftView> upcoming, List<MyShiftView> past, List<YearHoursView> confirmedPerYear) {
    }

    @Serdeable
    record ProfileView(List<String> skills, Set<Availability> availability, boolean newOpportunityNotices) {
    }
}
