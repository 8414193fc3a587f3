package nl.wijkopmaat.common.portal;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a submitted form, in the reader's language: a message beside each field the
 * service named (by the same names as the API's fields), and those without a field on top.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(List.of());

    private final List<Entry> entries;
    private final Map<String, String> byField = new LinkedHashMap<>();

    private FormErrors(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        entries.stream().filter(entry -> entry.field() != null).forEach(entry -> byField.putIfAbsent(entry.field(), entry.message()));
    }

    public static FormErrors none() {
        return NONE;
    }

    /** The refusal of a service: its invalid fields, or its one message. */
    public static FormErrors of(ApiException refusal, Texts texts) {
        List<Entry> entries = new ArrayList<>();
        for (InvalidParam param : refusal.invalidParams()) {
            entries.add(new Entry(param.name(), texts.t(param.reasonCode(), flatten(param.reasonArgs()))));
        }
        if (entries.isEmpty()) {
            entries.add(new Entry(null, texts.t(refusal.code(), flatten(refusal.args()))));
        }
        return new FormErrors(entries);
    }

    public static FormErrors field(String field, String message) {
        return new FormErrors(List.of(new Entry(field, message)));
    }

    public static FormErrors general(String message) {
        return new FormErrors(List.of(new Entry(null, message)));
    }

    /** These errors and those of another check of the same form, in one list. */
    public FormErrors and(FormErrors other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new FormErrors(all);
    }

    private static Object[] flatten(Map<String, Object> args) {
        List<Object> flat = new ArrayList<>();
        args.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        return flat.toArray();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    @Nullable
    public String get(String field) {
        return byField.get(field);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The ids of the texts that describe a field, for {@code aria-describedby}; null when none. */
    @Nullable
    public String describedBy(String field, boolean hasHint) {
        List<String> ids = new ArrayList<>();
        if (hasHint) {
            ids.add(field + "-hint");
        }
        if (has(field)) {
            ids.add(field + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** One message, beside its field or (without one) above the form. */
    public record Entry(@Nullable String field, String message) {
    }
}
