package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.details.IdentifierValidator;
import org.childjourney.core.journey.details.InTheWorld;
import org.childjourney.core.journey.details.Text;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed fields out of a submission's JSON, collecting a {@link FieldProblem} for every field that is missing
 * or malformed instead of stopping at the first, so that an agency's developer sees everything wrong at once.
 */
final class FieldReader {

    static final int MAX_TEXT = Text.DEFAULT_MAX;
    private static final Duration CLOCK_SKEW = InTheWorld.CLOCK_SKEW;
    private static final LocalDate EARLIEST = InTheWorld.EARLIEST;

    private final Instant now;
    private final List<FieldProblem> problems = new ArrayList<>();

    /** @param now the gateway's time, against which times in the world are bounded */
    FieldReader(Instant now) {
        this.now = now;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    void reject(String path, String message) {
        problems.add(new FieldProblem(path, message));
    }

    /** Throws {@link InvalidSubmission} if any field was rejected. */
    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
    }

    @Nullable String text(JsonNode parent, String path, boolean required) {
        return text(parent, path, required, MAX_TEXT);
    }

    @Nullable String text(JsonNode parent, String path, boolean required, int maxLength) {
        JsonNode node = field(parent, path);
        if (absent(node)) {
            return missing(path, required);
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            reject(path, "must be non-empty text");
            return null;
        }
        if (node.asText().length() > maxLength) {
            reject(path, "must be at most " + maxLength + " characters");
            return null;
        }
        return node.asText();
    }

    /** A time in the world: not before 1900, and not in the future beyond {@link InTheWorld#CLOCK_SKEW}. */
    @Nullable Instant instant(JsonNode parent, String path, boolean required) {
        Instant instant = parsed(parent, path, required, Instant::parse,
                "must be an ISO-8601 instant, e.g. 2026-11-20T21:14:00Z");
        if (instant != null && instant.isAfter(now.plus(CLOCK_SKEW))) {
            reject(path, "must not be in the future");
            return null;
        }
        if (instant != null && instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            reject(path, "must not be before 1900");
            return null;
        }
        return instant;
    }

    /** A date in the world, such as a date of birth: not before 1900, and not after today. */
    @Nullable LocalDate date(JsonNode parent, String path, boolean required) {
        LocalDate date = parsed(parent, path, required, LocalDate::parse, "must be an ISO-8601 date, e.g. 2015-09-30");
        if (date != null && date.isAfter(LocalDate.ofInstant(now.plus(CLOCK_SKEW), ZoneOffset.UTC))) {
            reject(path, "must not be in the future");
            return null;
        }
        if (date != null && date.isBefore(EARLIEST)) {
            reject(path, "must not be before 1900");
            return null;
        }
        return date;
    }

    /**
     * An identifier (a source record id, a local id, a reference): trimmed and in Unicode NFC, so that the same
     * identifier typed twice is the same; one holding control or invisible (zero-width, format) characters, which
     * would make two identifiers look alike and differ, is refused.
     */
    @Nullable String identifier(JsonNode parent, String path, boolean required, int maxLength) {
        String text = text(parent, path, required, maxLength);
        if (text == null) {
            return null;
        }
        String normalised = IdentifierValidator.normalised(text);
        if (IdentifierValidator.holdsInvisible(normalised)) {
            reject(path, "must not contain control or invisible characters");
            return null;
        }
        return normalised;
    }

    /** An enum written in kebab-case on the wire, e.g. {@code physical-abuse} for {@code PHYSICAL_ABUSE}. */
    <E extends Enum<E>> @Nullable E choice(JsonNode parent, String path, Class<E> type, boolean required) {
        List<String> names = EntryField.choices(type);
        return parsed(parent, path, required, text -> {
            int chosen = names.indexOf(text);
            if (chosen < 0) {
                throw new IllegalArgumentException("not a choice");
            }
            return type.getEnumConstants()[chosen];
        }, "must be one of: " + String.join(", ", names));
    }

    <T> @Nullable T parsed(JsonNode parent, String path, boolean required, Function<String, T> parser,
            String message) {
        String text = text(parent, path, required, 200);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            reject(path, message);
            return null;
        }
    }

    private <T> @Nullable T missing(String path, boolean required) {
        if (required) {
            reject(path, "is required");
        }
        return null;
    }

    private static boolean absent(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The node at the last segment of a dotted path, within its parent. */
    private @Nullable JsonNode field(JsonNode parent, String path) {
        return parent.get(path.substring(path.lastIndexOf('.') + 1));
    }
}
