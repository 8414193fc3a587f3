package nl.wijkopmaat.monitor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;

public final class MonitorCommands {

    /** Far above the largest Dutch municipality, low enough to catch a typo. */
    static final int MAX_PEOPLE = 2_000_000;

    private MonitorCommands() {
    }

    /** Inhabitants of a wijk or buurt in a year, e.g. from CBS; {@code demo} marks made-up figures. */
    @Serdeable
    public record InhabitantsRequest(
            @NotNull @Min(1900) @Max(2100) Integer year,
            @NotNull @PositiveOrZero @Max(MAX_PEOPLE) Integer inhabitants,
            @Nullable @PositiveOrZero @Max(MAX_PEOPLE) Integer households,
            @Nullable Boolean demo) {
    }

    @Serdeable
    public record TargetRequest(
            @NotNull Comparison comparison,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal targetPercent,
            @NotNull LocalDate startDate) {
    }
}
