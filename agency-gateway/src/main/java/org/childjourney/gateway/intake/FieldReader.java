package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.childjourney.core.agency.AgencyCode;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed fields out of a submission's JSON, collecting a {@link FieldProblem} for every field that is missing
 * or malformed instead of stopping at the first, so that an agency's developer sees everything wrong at once.
 */
final class FieldReader {

    static final int MAX_TEXT = 20_000;
    /** How far ahead of the gateway's clock a time in the world may be: agencies' clocks drift a little. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** No child's record reaches back further. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Instant now;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Set<String> fieldsRead = new HashSet<>();

    /** @param now the gateway's time, against which times in the world are bounded */
    FieldReader(Instant now) {
        this.now = now;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** The names of the fields this reader has read, at any depth: the fields a type defines. */
    Set<String> fieldsRead() {
        return Set.copyOf(fieldsRead);
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

    @Nullable Boolean bool(JsonNode parent, String path, boolean required) {
        JsonNode node = field(parent, path);
        if (absent(node)) {
            return missing(path, required);
        }
        if (!node.isBoolean()) {
            reject(path, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /** A time in the world: not before 1900, and not in the future beyond {@link #CLOCK_SKEW}. */
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
        String normalised = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (normalised.codePoints().anyMatch(FieldReader::invisible)) {
            reject(path, "must not contain control or invisible characters");
            return null;
        }
        return normalised;
    }

    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /** A required list of agency codes, e.g. {@code ["police-east"]}; it may be empty. */
    List<AgencyCode> agencyCodes(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (absent(node) || !node.isArray()) {
            reject(path, "is required: a list of agency codes, e.g. [\"police-east\"]");
            return List.of();
        }
        List<AgencyCode> codes = new ArrayList<>();
        for (JsonNode code : node) {
            try {
                codes.add(AgencyCode.of(code.isTextual() ? code.textValue() : ""));
            } catch (IllegalArgumentException notACode) {
                reject(path, "must list agency codes, e.g. [\"police-east\"]");
                return List.of();
            }
        }
        return List.copyOf(codes);
    }

    /** An enum written in kebab-case on the wire, e.g. {@code physical-abuse} for {@code PHYSICAL_ABUSE}. */
    <E extends Enum<E>> @Nullable E choice(JsonNode parent, String path, Class<E> type, boolean required) {
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(FieldReader::kebab).toList());
        return parsed(parent, path, required, text -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> kebab(constant).equals(text))
                .findFirst()
                .orElseThrow(IllegalArgumentException::new), "must be one of: " + allowed);
    }

    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
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
        String name = path.substring(path.lastIndexOf('.') + 1);
        fieldsRead.add(name);
        return parent.get(name);
    }
}
