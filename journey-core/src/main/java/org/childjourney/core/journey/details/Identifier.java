package org.childjourney.core.journey.details;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A reference in an agency's own scheme (an incident reference, a practitioner's username): at most {@link #max}
 * characters, trimmed and in Unicode NFC ({@link IdentifierValidator#normalised}, applied when it is read from the
 * wire, so that the same identifier typed twice is the same), with no control or invisible characters, which
 * would make two identifiers look alike and differ.
 */
@Documented
@Text
@ReportAsSingleViolation
@Constraint(validatedBy = IdentifierValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Identifier {

    @OverridesAttribute(constraint = Text.class, name = "max")
    int max() default 200;

    String message() default "must be non-empty text of at most {max} characters, without control or invisible "
            + "characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
