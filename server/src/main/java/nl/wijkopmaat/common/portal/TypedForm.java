package nl.wijkopmaat.common.portal;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A posted form read as the reader typed it: texts, choices, whole numbers, and moments entered as
 * a Dutch date ("14-3-2027", or the ISO date a date picker sends) and time ("19:30" or "19.30") in
 * the municipality's time zone. What cannot be read at all is reported beside its field; everything
 * else is for the service to check.
 */
public final class TypedForm {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern DUTCH_DATE = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final DateTimeFormatter DATE_SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIME_SHOWN = DateTimeFormatter.ofPattern("HH:mm");

    private final Map<String, String> form;
    private final Texts texts;
    private final List<FormErrors> problems = new ArrayList<>();
    /** The fields already reported (or not to be reported twice): the checks of the command say nothing more of them. */
    private final Set<String> unreadable = new HashSet<>();

    public TypedForm(Map<String, String> form, Texts texts) {
        this.form = form;
        this.texts = texts;
    }

    /** The text typed, without surrounding spaces; null when left empty. */
    @Nullable
    public String text(String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String textOrEmpty(String field) {
        return form.getOrDefault(field, "").strip();
    }

    public boolean checked(String field) {
        return text(field) != null;
    }

    /** An id chosen from a list; one that is no id at all is an unknown choice. */
    @Nullable
    public UUID uuid(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            problem(field, texts.t("portal.form.unknownChoice"));
            return null;
        }
    }

    /** One of the enum's values, chosen from a list. */
    @Nullable
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problem(field, texts.t("portal.form.unknownChoice"));
            return null;
        }
    }

    /** A whole number as typed ("12"); anything else (12,5 or twaalf) is an error beside the field. */
    @Nullable
    public Integer wholeNumber(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d{1,9}")) {
            problem(field, texts.t("portal.form.wholeNumber"));
            return null;
        }
        return Integer.parseInt(value);
    }

    /** A date as typed ("14-3-2027"); empty is the API's "is required". */
    @Nullable
    public LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            problem(field, texts.t("validation.NotNull"));
            return null;
        }
        try {
            Matcher dutch = DUTCH_DATE.matcher(value);
            if (dutch.matches()) {
                return LocalDate.of(Integer.parseInt(dutch.group(3)), Integer.parseInt(dutch.group(2)),
                        Integer.parseInt(dutch.group(1)));
            }
            return LocalDate.parse(value);
        } catch (DateTimeException unreadable) {
            problem(field, texts.t("portal.form.date"));
            return null;
        }
    }

    /**
     * The moment at the time typed in {@code timeField} on {@code date}, in Amsterdam time. Without a
     * date (already reported beside its own field) the time is not reported again.
     */
    @Nullable
    public Instant at(@Nullable LocalDate date, String timeField) {
        LocalTime time = time(timeField);
        if (date == null) {
            unreadable.add(timeField);
            return null;
        }
        return time == null ? null : ZonedDateTime.of(date, time, AMSTERDAM).toInstant();
    }

    @Nullable
    private LocalTime time(String field) {
        String value = text(field);
        if (value == null) {
            problem(field, texts.t("validation.NotNull"));
            return null;
        }
        Matcher time = TIME.matcher(value);
        int hour = time.matches() ? Integer.parseInt(time.group(1)) : -1;
        int minute = hour < 0 ? -1 : Integer.parseInt(time.group(2));
        if (hour > 23 || minute < 0 || minute > 59) {
            problem(field, texts.t("portal.form.time"));
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private void problem(String field, String message) {
        unreadable.add(field);
        problems.add(FormErrors.field(field, message));
    }

    /** Everything that could not be read, beside its field. */
    public FormErrors errors() {
        return problems.stream().reduce(FormErrors.none(), FormErrors::and);
    }

    /**
     * What could not be read, and then what the command's checks (or the service) found, with their
     * fields renamed to the form's own ({@link #renamed}), except of the fields already reported.
     */
    public FormErrors errorsWith(FormErrors checks, UnaryOperator<String> rename) {
        FormErrors more = FormErrors.none();
        for (FormErrors.Entry entry : renamed(checks, rename).entries()) {
            if (entry.field() == null) {
                more = more.and(FormErrors.general(entry.message()));
            } else if (!unreadable.contains(entry.field())) {
                more = more.and(FormErrors.field(entry.field(), entry.message()));
            }
        }
        return errors().and(more);
    }

    /** The date of a moment as the form shows it again ("14-03-2027"). */
    public static String dateOf(Instant moment) {
        return DATE_SHOWN.format(moment.atZone(AMSTERDAM));
    }

    /** The time of a moment as the form shows it again ("19:30"). */
    public static String timeOf(Instant moment) {
        return TIME_SHOWN.format(moment.atZone(AMSTERDAM));
    }

    /**
     * The errors with their fields renamed from the names of the command (e.g. {@code startsAt}) to the
     * form's own (e.g. {@code startTime}); fields not named keep their name.
     */
    public static FormErrors renamed(FormErrors errors, UnaryOperator<String> rename) {
        FormErrors result = FormErrors.none();
        for (FormErrors.Entry entry : errors.entries()) {
            result = result.and(entry.field() == null ? FormErrors.general(entry.message())
                    : FormErrors.field(rename.apply(entry.field()), entry.message()));
        }
        return result;
    }
}
