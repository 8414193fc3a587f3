package nl.wijkopmaat.monitor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the monitor shows. A withheld figure (1 to 4 people, a share of such a count, or a second
 * figure that would give one away) is {@code null}, and its name is in its group's
 * {@code suppressed}, so generated clients always find a number or null in a number field.
 */
public final class MonitorViews {

    private MonitorViews() {
    }

    @Serdeable
    public record ResidentsFigures(@Nullable Long inhabitants, @Nullable Long households, @Nullable Integer inhabitantsYear,
                                   boolean inhabitantsDemo, @Nullable Long registered, @Nullable Long active,
                                   @Nullable Double activeSharePercent, List<String> suppressed) {
    }

    @Serdeable
    public record VolunteeringFigures(@Nullable Long volunteers, @Nullable Double volunteerSharePercent,
                                      double confirmedHours, List<String> suppressed) {
    }

    @Serdeable
    public record InitiativeFigures(long submitted, long approved, long completed, long answered, long answeredInTerm,
                                    @Nullable Double answeredInTermPercent, @Nullable Double medianWorkingDaysToAnswer,
                                    List<String> suppressed) {
    }

    @Serdeable
    public record DialoogtafelFigures(long held, @Nullable Long attendance, List<String> suppressed) {
    }

    @Serdeable
    public record WijkbudgetFigures(long allocatedCents, long grantedCents, long paidCents, @Nullable Double spentPercent,
                                    List<String> suppressed) {
    }

    @Serdeable
    public record ChallengeFigures(Map<String, Long> byStatus, long total, List<String> suppressed) {
    }

    @Serdeable
    public record AreaFigures(ResidentsFigures residents, VolunteeringFigures volunteering, InitiativeFigures initiatives,
                              DialoogtafelFigures dialoogtafels, WijkbudgetFigures wijkbudget, ChallengeFigures challenges) {
    }

    /** An indicator against the target in force in the quarter; {@code met} is null when the figure is not there. */
    @Serdeable
    public record TargetResult(TargetIndicator indicator, Comparison comparison, double targetPercent, LocalDate startDate,
                               @Nullable Double actualPercent, @Nullable Boolean met) {
    }

    @Serdeable
    public record BuurtFigures(UUID buurtId, String name, ResidentsFigures residents) {
    }

    @Serdeable
    public record WijkQuarter(String quarter, LocalDate firstDay, LocalDate lastDay, boolean complete, Instant computedAt,
                              AreaFigures figures, List<TargetResult> targets, List<BuurtFigures> buurten) {
    }

    @Serdeable
    public record WijkMonitor(UUID wijkId, String name, UUID municipalityId, List<WijkQuarter> quarters) {
    }

    @Serdeable
    public record WijkColumn(UUID wijkId, String name, AreaFigures figures, List<TargetResult> targets) {
    }

    @Serdeable
    public record MunicipalityQuarter(String quarter, LocalDate firstDay, LocalDate lastDay, boolean complete,
                                      Instant computedAt, AreaFigures total, List<TargetResult> targets,
                                      List<WijkColumn> wijken) {
    }

    @Serdeable
    public record MunicipalityMonitor(UUID municipalityId, String name, List<MunicipalityQuarter> quarters) {
    }

    @Serdeable
    public record InhabitantsView(UUID areaId, int year, int inhabitants, @Nullable Integer households, boolean demo) {
    }

    @Serdeable
    public record TargetView(TargetIndicator indicator, Comparison comparison, double targetPercent, LocalDate startDate) {
    }

    @Serdeable
    public record TargetList(List<TargetView> items) {
    }

    /** What a municipality's admins set for its monitor: targets, and inhabitants per wijk, buurt and year. */
    public record MonitorSettings(List<TargetView> targets, List<InhabitantsView> inhabitants) {
    }
}
