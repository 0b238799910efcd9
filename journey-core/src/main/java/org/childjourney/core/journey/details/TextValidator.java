package org.childjourney.core.journey.details;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/** Checks {@link Text}: on a {@code String} or a {@code Sensitive<String>}. */
public final class TextValidator implements ConstraintValidator<Text, Object> {

    private int max;

    @Override
    public void initialize(Text text) {
        max = text.max();
    }

    @Override
    public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
        String text = text(value);
        return value == null || (text != null && !text.isBlank() && text.length() <= max);
    }

    /** The text a field holds, plain or sensitive; {@code null} for anything else. */
    static @Nullable String text(@Nullable Object value) {
        if (value instanceof Sensitive<?> sensitive) {
            return sensitive.value() instanceof String text ? text : null;
        }
        return value instanceof String text ? text : null;
    }
}
