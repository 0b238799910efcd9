package org.childjourney.core.journey.details;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Checks {@link InTheWorld} against the validator's clock. */
public final class InTheWorldValidator implements ConstraintValidator<InTheWorld, Instant> {

    @Override
    public boolean isValid(@Nullable Instant value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant now = context.getClockProvider().getClock().instant();
        String problem = value.isAfter(now.plus(InTheWorld.CLOCK_SKEW)) ? "must not be in the future"
                : value.isBefore(InTheWorld.EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                        ? "must not be before 1900" : null;
        if (problem != null) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        }
        return problem == null;
    }
}
