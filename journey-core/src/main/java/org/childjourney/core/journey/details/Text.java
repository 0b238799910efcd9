package org.childjourney.core.journey.details;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Free text an agency wrote (plain or {@code Sensitive}): not blank, and at most {@link #max} characters. Absent is
 * valid: say {@code @NotNull} where the text is required.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Text {

    /** Long enough for a referral's account of what happened. */
    int DEFAULT_MAX = 20_000;

    int max() default DEFAULT_MAX;

    String message() default "must be non-empty text of at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
