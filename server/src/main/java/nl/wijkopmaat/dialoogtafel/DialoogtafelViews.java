package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.PersonRef;
import nl.wijkopmaat.common.Theme;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class DialoogtafelViews {

    private DialoogtafelViews() {
    }

    @Serdeable
    record PlaceView(String name, @Nullable String address) {
    }

    /** The caller's own registration: a seat, or a place in the waiting list. */
    @Serdeable
    record MyRegistrationView(UUID id, RegistrationStatus status, @Nullable Integer waitlistPosition) {

        static @Nullable MyRegistrationView of(@Nullable Registration registration, Dialoogtafel table) {
            return registration == null ? null
                    : new MyRegistrationView(registration.id(), registration.status(), registration.waitlistPosition(table));
        }
    }

    /**
     * A table as the caller sees it. {@code onlineLink} only for its confirmed participants and its
     * organisers (and never in lists); {@code online} tells everyone that there is one.
     */
    @Serdeable
    record DialoogtafelView(UUID id, String title, String description, Theme theme, UUID municipalityId, UUID wijkId,
                            @Nullable UUID buurtId, @Nullable PlaceView place, boolean online,
                            @Nullable String onlineLink, Instant startsAt, Instant endsAt, int capacity, int seatsLeft,
                            int waitlistLength, @Nullable String facilitatorName, DialoogtafelStatus status,
                            @Nullable String cancellationReason, @Nullable PersonRef createdBy,
                            @Nullable MyRegistrationView myRegistration, boolean organisedByMe, Instant createdAt,
                            Instant updatedAt) {

        static DialoogtafelView of(Dialoogtafel t, Instant now, @Nullable Registration mine, boolean organiser,
                                   boolean showLink, Map<UUID, AccountRef> people) {
            PlaceView place = t.placeName() == null ? null : new PlaceView(t.placeName(), t.placeAddress());
            return new DialoogtafelView(t.id(), t.title(), t.description(), t.theme(), t.municipalityId(), t.wijkId(),
                    t.buurtId(), place, t.onlineLink() != null, showLink ? t.onlineLink() : null, t.startsAt(),
                    t.endsAt(), t.capacity(), t.seatsLeft(), t.waitlisted(), t.facilitatorName(), t.shownStatus(now),
                    t.cancelReason(), PersonRef.of(t.createdBy(), people), MyRegistrationView.of(mine, t), organiser,
                    t.createdAt(), t.updatedAt());
        }
    }

    @Serdeable
    record RegistrationView(UUID id, UUID dialoogtafelId, @Nullable PersonRef participant, RegistrationStatus status,
                            @Nullable Integer waitlistPosition, @Nullable Attendance attendance, Instant registeredAt,
                            @Nullable Instant confirmedAt) {

        static RegistrationView of(Registration r, Dialoogtafel table, Map<UUID, AccountRef> people) {
            return new RegistrationView(r.id(), r.dialoogtafelId(), PersonRef.of(r.accountId(), people), r.status(),
                    r.waitlistPosition(table), r.attendance(), r.registeredAt(), r.confirmedAt());
        }
    }

    /** Attendance of the whole table after a recording: how many were present, absent, and not recorded yet. */
    @Serdeable
    record AttendanceView(int present, int absent, int notRecorded) {
    }

    @Serdeable
    record ActionPointView(UUID id, String text, String takenUpBy, @Nullable UUID initiativeId) {

        static ActionPointView of(ActionPoint point) {
            return new ActionPointView(point.id(), point.text(), point.takenUpBy(), point.initiativeId());
        }
    }

    @Serdeable
    record ReportView(UUID dialoogtafelId, String summary, int participantCount, List<ActionPointView> actionPoints,
                      @Nullable PersonRef publishedBy, Instant publishedAt, Instant updatedAt) {

        static ReportView of(Report report, List<ActionPoint> points, Map<UUID, AccountRef> people) {
            return new ReportView(report.dialoogtafelId(), report.summary(), report.participantCount(),
                    points.stream().map(ActionPointView::of).toList(), PersonRef.of(report.publishedBy(), people),
                    report.publishedAt(), report.updatedAt());
        }
    }

    @Serdeable
    record AlertSettingsView(boolean newInMyWijk) {
    }
}
