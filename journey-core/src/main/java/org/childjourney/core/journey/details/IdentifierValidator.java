package org.childjourney.core.journey.details;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Checks what {@link Identifier} adds to {@link Text}: trimmed, in NFC, nothing invisible; and normalises an
 * identifier as read from the wire.
 */
public final class IdentifierValidator implements ConstraintValidator<Identifier, Object> {

    @Override
    public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
        String text = TextValidator.text(value);
        return text == null || (text.equals(normalised(text)) && !holdsInvisible(text));
    }

    /** Whether the text holds a control or invisible (zero-width, format, unassigned) character. */
    public static boolean holdsInvisible(String text) {
        return text.codePoints().anyMatch(IdentifierValidator::invisible);
    }

    /** An identifier as the record keeps it: without surrounding white space, in Unicode NFC. */
    public static String normalised(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }
}
