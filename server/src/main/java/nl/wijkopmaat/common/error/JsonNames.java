package nl.wijkopmaat.common.error;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospector;

/**
 * The name a property has in JSON: its Java name, unless {@code @JsonProperty} renames it (as the
 * OAuth fields {@code grant_type} and {@code refresh_token}). Problems name fields the way clients
 * send them.
 */
public final class JsonNames {

    private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
    private static final String SERDE_CONFIG = "io.micronaut.serde.config.annotation.SerdeConfig";

    private JsonNames() {
    }

    public static String of(String javaName, AnnotationMetadata metadata) {
        return metadata.stringValue(JSON_PROPERTY)
                .or(() -> metadata.stringValue(SERDE_CONFIG, "property"))
                .orElse(javaName);
    }

    /** The JSON name of a property of {@code beanType}, or the Java name when the type is not introspected. */
    public static String of(Class<?> beanType, String javaName) {
        return BeanIntrospector.SHARED.findIntrospection(beanType)
                .flatMap(introspection -> introspection.getProperty(javaName))
                .map(property -> of(javaName, property.getAnnotationMetadata()))
                .orElse(javaName);
    }
}
