package nl.wijkopmaat.volunteering;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's volunteer profile, their sign-ups with the hours confirmed for them, the opportunities
 * they organise or coordinate, and the hours they confirmed for others. On erasure the profile goes,
 * seats on shifts still to come are given back, and past shifts keep their hours for the
 * opportunity's totals, without the person; opportunities stay for the wijk, without their organiser.
 * Erasure holds the person's account row, which their sign-ups wait for: none is on its way meanwhile.
 */
@Singleton
class VolunteeringPersonalData implements PersonalDataContributor {

    private final OpportunityRepository opportunities;
    private final SignupRepository signups;
    private final ProfileRepository profiles;
    private final Clock clock;

    VolunteeringPersonalData(OpportunityRepository opportunities, SignupRepository signups, ProfileRepository profiles,
                             Clock clock) {
        this.opportunities = opportunities;
        this.signups = signups;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "volunteering";
    }

    @Override
    public Object export(UUID accountId) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profiles.findById(accountId).ifPresent(p -> {
            profile.put("skills", profiles.skillsOf(accountId));
            profile.put("availability", p.availability());
            profile.put("newOpportunityNotices", p.notifyMatches());
        });
        return Map.of(
                "profile", profile,
                "signups", signups.allOf(accountId).stream().map(VolunteeringPersonalData::exported).toList(),
                "organised", opportunities.findByOrganiserIdOrderByCreatedAt(accountId).stream()
                        .map(o -> Map.of("id", o.id(), "title", o.title(), "createdAt", o.createdAt())).toList(),
                "coordinated", opportunities.coordinatedBy(accountId),
                "hoursConfirmed", signups.confirmedBy(accountId).stream()
                        .map(s -> Map.of("shiftId", s.shiftId(), "outcome", s.outcome() == null ? "" : s.outcome().name(),
                                "confirmedAt", Objects.requireNonNull(s.confirmedAt())))
                        .toList());
    }

    private static Map<String, Object> exported(Signup signup) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("shiftId", signup.shiftId());
        fields.put("startsAt", signup.startsAt());
        fields.put("endsAt", signup.endsAt());
        fields.put("signedUpAt", signup.signedUpAt());
        fields.put("outcome", signup.outcome());
        fields.put("minutes", signup.minutes());
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    @Override
    public void erase(UUID accountId) {
        Instant now = clock.instant();
        signups.freeSeatsOf(accountId, now);
        signups.deleteUpcomingOf(accountId, now);
        signups.detachVolunteer(accountId);
        signups.detachConfirmer(accountId);
        opportunities.removeCoordinator(accountId);
        opportunities.detachOrganiser(accountId);
        profiles.clearSkills(accountId);
        profiles.remove(accountId);
    }
}
