package nl.wijkopmaat.dialoogtafel;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's registrations (with their attendance), the tables they created, the reports they
 * published, the attendance they recorded, and whether they asked to hear of new tables. On erasure
 * their registrations of tables still to come are cancelled (seats go to the waiting list), and those
 * of tables that started stay for the attendance counts, without the person; tables and reports stay
 * for the wijk, without their creator or publisher.
 */
@Singleton
class DialoogtafelPersonalData implements PersonalDataContributor {

    private final DialoogtafelSeats seats;
    private final DialoogtafelRepository tables;
    private final RegistrationRepository registrations;
    private final ReportRepository reports;
    private final DialoogtafelQueries queries;
    private final Clock clock;

    DialoogtafelPersonalData(DialoogtafelSeats seats, DialoogtafelRepository tables,
                             RegistrationRepository registrations, ReportRepository reports, DialoogtafelQueries queries,
                             Clock clock) {
        this.seats = seats;
        this.tables = tables;
        this.registrations = registrations;
        this.reports = reports;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "dialoogtafels";
    }

    @Override
    public Object export(UUID accountId) {
        List<Registration> mine = registrations.allOf(accountId);
        Map<UUID, Dialoogtafel> byId = tables.findByIdIn(mine.stream().map(Registration::dialoogtafelId).distinct().toList())
                .stream().collect(Collectors.toMap(Dialoogtafel::id, Function.identity()));
        Map<String, Object> alerts = new LinkedHashMap<>();
        queries.alertedSince(accountId).ifPresent(since -> alerts.put("newInMyWijkSince", since));
        return Map.of(
                "registrations", mine.stream().map(r -> exported(r, byId.get(r.dialoogtafelId()))).toList(),
                "created", tables.findByCreatedByOrderByCreatedAt(accountId).stream()
                        .map(t -> Map.of("id", t.id(), "title", t.title(), "createdAt", t.createdAt())).toList(),
                "reportsPublished", reports.findByPublishedByOrderByPublishedAt(accountId).stream()
                        .map(r -> Map.of("dialoogtafelId", r.dialoogtafelId(), "publishedAt", r.publishedAt())).toList(),
                "attendanceRecorded", registrations.recordedBy(accountId).stream()
                        .map(r -> Map.of("dialoogtafelId", r.dialoogtafelId(), "registrationId", r.id(),
                                "attendance", Objects.requireNonNull(r.attendance()).name(),
                                "recordedAt", Objects.requireNonNull(r.attendanceAt())))
                        .toList(),
                "alerts", alerts);
    }

    private Map<String, Object> exported(Registration registration, Dialoogtafel table) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("dialoogtafelId", registration.dialoogtafelId());
        fields.put("title", table.title());
        fields.put("startsAt", table.startsAt());
        fields.put("status", registration.status());
        fields.put("waitlistPosition", registration.waitlistPosition(table));
        fields.put("registeredAt", registration.registeredAt());
        fields.put("confirmedAt", registration.confirmedAt());
        fields.put("attendance", registration.attendance());
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    @Override
    public void erase(UUID accountId) {
        seats.giveBackUpcomingOf(accountId);
        registrations.detachParticipant(accountId);
        registrations.detachRecorder(accountId);
        tables.detachCreator(accountId);
        reports.detachPublisher(accountId);
        queries.alert(accountId, false, clock.instant());
    }
}
