package nl.wijkopmaat.common.web;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverterRegistrar;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Query and path values are converted exactly as the contract writes them: a boolean is
 * {@code true} or {@code false} (so {@code mine=maybe} is a 400, not "false"), and this API's enums
 * match their constants to the letter. Enums of the framework's own configuration keep their
 * lenient spelling ({@code type: scheduled}).
 */
@Singleton
class StrictQueryConverters implements TypeConverterRegistrar {

    private static final String OWN_PACKAGE = "nl.wijkopmaat.";

    @Override
    public void register(MutableConversionService conversions) {
        conversions.addConverter(CharSequence.class, Boolean.class, StrictQueryConverters::toBoolean);
        conversions.addConverter(String.class, Boolean.class, StrictQueryConverters::toBoolean);
        conversions.addConverter(CharSequence.class, Enum.class, StrictQueryConverters::toEnum);
        conversions.addConverter(String.class, Enum.class, StrictQueryConverters::toEnum);
    }

    private static Optional<Boolean> toBoolean(CharSequence value, Class<Boolean> targetType, ConversionContext context) {
        String text = value.toString();
        if ("true".equals(text) || "false".equals(text)) {
            return Optional.of(Boolean.valueOf(text));
        }
        context.reject(value, new IllegalArgumentException("must be true or false"));
        return Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Enum> toEnum(CharSequence value, Class<Enum> targetType, ConversionContext context) {
        String text = value.toString();
        Optional<Enum> exact = constant(targetType, text);
        if (exact.isPresent() || targetType.getName().startsWith(OWN_PACKAGE)) {
            if (exact.isEmpty()) {
                String allowed = Arrays.stream(targetType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "));
                context.reject(value, new IllegalArgumentException("must be one of: " + allowed));
            }
            return exact;
        }
        Optional<Enum> lenient = constant(targetType, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (lenient.isEmpty()) {
            context.reject(value, new IllegalArgumentException("unknown value"));
        }
        return lenient;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Enum> constant(Class<Enum> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
