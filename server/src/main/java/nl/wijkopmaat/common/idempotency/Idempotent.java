package nl.wijkopmaat.common.idempotency;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a creating POST safe to retry with an {@code Idempotency-Key} header: a retry with the same
 * key and body returns the first response and changes nothing; the same key with another body is a
 * 409. The annotated method must return an {@code HttpResponse}. With {@link #required()} a request
 * without the header is a 400 naming it: for requests that move money, where a blind retry must
 * never count twice.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Idempotent {

    /** Whether a request must carry an {@code Idempotency-Key}. */
    boolean required() default false;
}
