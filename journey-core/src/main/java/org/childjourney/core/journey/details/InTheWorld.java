package org.childjourney.core.journey.details;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.LocalDate;

/**
 * A time something happened to the child: not before 1900, and not later than the validator's clock by more than
 * {@link #CLOCK_SKEW} (agencies' clocks drift a little). On an {@code Instant}.
 */
@Documented
@Constraint(validatedBy = InTheWorldValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface InTheWorld {

    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** No child's record reaches back further. */
    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    String message() default "must not be in the future, nor before 1900";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
