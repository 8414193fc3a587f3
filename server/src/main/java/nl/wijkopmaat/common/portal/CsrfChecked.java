package nl.wijkopmaat.common.portal;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every form POST of an annotated page controller must carry the page's CSRF token; without it the
 * request is refused with 403 before the controller runs. Checked once the form is read, because a
 * browser's form body may arrive after the headers ({@link CsrfCheck}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface CsrfChecked {
}
