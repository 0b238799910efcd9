package org.childjourney.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.person.HouseholdAdult;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Relationship;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Translates an agency's submission, as the public contract shapes it, into a validated {@link Submission}: every
 * invalid field is reported at once, and nothing reaches the journey until the whole submission is valid.
 */
@Component
class SubmissionTranslator {

    private static final boolean REQUIRED = true;
    private static final boolean OPTIONAL = false;
    private static final int MAX_ID = 200;
    /** The most children, and the most adults, one household submission may name. */
    private static final int MAX_HOUSEHOLD = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Validator validator;

    /** @param validation checks entries' details at the gateway's time ({@code InTheWorld}) */
    SubmissionTranslator(Clock clock, ValidatorFactory validation) {
        this.clock = clock;
        this.validator = validation.usingContext().clockProvider(() -> clock).getValidator();
    }

    /** @throws InvalidSubmission listing every invalid field */
    Submission translate(JsonNode body) {
        FieldReader reader = new FieldReader(clock.instant());
        if (!body.isObject()) {
            reader.reject("$", "must be a JSON object");
            reader.throwIfInvalid();
        }
        String sourceRecordId = reader.identifier(body, "sourceRecordId", REQUIRED, MAX_ID);
        EntryType type = reader.parsed(body, "type", REQUIRED,
                text -> EntryType.fromWireName(text).orElseThrow(IllegalArgumentException::new),
                "must be one of: " + String.join(", ", Arrays.stream(EntryType.values())
                        .map(EntryType::wireName).toList()));
        Instant occurredAt = reader.instant(body, "occurredAt", REQUIRED);
        Sensitivity sensitivity = reader.choice(body, "sensitivity", Sensitivity.class, OPTIONAL);
        List<Subject> subjects = List.of();
        List<HouseholdAdult> adults = null;
        UUID householdReference = null;
        long named = Stream.of("subject", "subjects", "householdReference").filter(body::has).count();
        if (named > 1) {
            reader.reject("subject", "a submission names one of subject, subjects or householdReference");
        }
        if (body.has("householdReference")) {
            householdReference = reader.parsed(body, "householdReference", REQUIRED, UUID::fromString,
                    "must be a household reference, as a household submission's answer gave it");
            if (type != null && !type.mayNameAHousehold()) {
                reader.reject("householdReference", "only an adult-service-event names a household by reference:"
                        + " name the children as subject or subjects");
            }
            adults = adults(body.path("adults"), reader);
        } else if (body.has("subjects")) {
            subjects = household(body.path("subjects"), type, reader);
            adults = adults(body.path("adults"), reader);
        } else {
            if (body.has("adults")) {
                reader.reject("adults", "are named by a household submission, with subjects");
            }
            Subject subject = subject(body.path("subject"), "subject", reader);
            subjects = subject == null ? List.of() : List.of(subject);
        }
        Consent consent = consent(body.path("consent"), type, reader);
        JsonNode details = body.path("details");
        Map<String, Object> values = Map.of();
        EntryReference reference = null;
        ObjectNode correctedDetails = null;
        if (!details.isObject()) {
            reader.reject("details", "must be an object");
        } else if (type != null) {
            values = details(type, details, "details", reader);
            reference = reference(type, details, reader);
            if (type == EntryType.ENTRY_CORRECTED) {
                if (details.path("correctedDetails") instanceof ObjectNode corrected) {
                    correctedDetails = corrected;
                } else {
                    reader.reject("details.correctedDetails", "must be an object in the corrected entry's shape");
                }
            }
        }
        reader.throwIfInvalid();
        return new Submission(Objects.requireNonNull(sourceRecordId), Objects.requireNonNull(type),
                Objects.requireNonNull(occurredAt), type.sensitivity(sensitivity == null ? Sensitivity.NONE
                        : sensitivity), subjects, householdReference, adults, consent, reference, correctedDetails,
                values);
    }

    /**
     * A correction's details, read as the details of the type of the entry it corrects and checked as they are,
     * then written back from their typed values: only the fields that type defines, each of its type, and nothing
     * else an agency sent, so that no reader of the event meets agency-shaped structure it did not ask for.
     *
     * @return the corrected details as JSON, in the contract's names and forms
     * @throws InvalidSubmission listing every invalid field
     */
    String correctedDetails(EntryType targetType, ObjectNode correctedDetails) {
        FieldReader reader = new FieldReader(clock.instant());
        Map<String, Object> values = details(targetType, correctedDetails, "details.correctedDetails", reader);
        reader.throwIfInvalid();
        ObjectNode checked = JSON.createObjectNode();
        for (EntryField field : EntryField.of(targetType.entryRecord())) {
            if (values.containsKey(field.name())) {
                checked.set(field.wireName(), JSON.valueToTree(field.toWire(values.get(field.name()))));
            }
        }
        return checked.toString();
    }

    /** A household's children: each a subject, as a single submission's ({@code subjects[0]}, ...). */
    private static List<Subject> household(JsonNode node, @Nullable EntryType type, FieldReader reader) {
        if (type != null && !type.mayConcernAHousehold()) {
            reader.reject("subjects", "a " + type.wireName() + " is about one child: name them as subject");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_HOUSEHOLD) {
            reader.reject("subjects", "must be a list of 1 to " + MAX_HOUSEHOLD + " children, each an object"
                    + " with nhsNumber or localId");
            return List.of();
        }
        List<Subject> children = new ArrayList<>();
        for (int child = 0; child < node.size(); child++) {
            Subject subject = subject(node.get(child), "subjects[" + child + "]", reader);
            if (subject != null) {
                children.add(subject);
            }
        }
        return children;
    }

    /** A household's adults, none when it names none. */
    private static List<HouseholdAdult> adults(JsonNode node, FieldReader reader) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_HOUSEHOLD) {
            reader.reject("adults", "must be a list of at most " + MAX_HOUSEHOLD + " adults, each an object with"
                    + " relationship and, where known, givenName and familyName");
            return List.of();
        }
        List<HouseholdAdult> adults = new ArrayList<>();
        for (int adult = 0; adult < node.size(); adult++) {
            String at = "adults[" + adult + "]";
            JsonNode named = node.get(adult);
            if (!named.isObject()) {
                reader.reject(at, "must be an object with relationship and, where known, givenName and familyName");
                continue;
            }
            Relationship relationship = reader.choice(named, at + ".relationship", Relationship.class, REQUIRED);
            String givenName = reader.text(named, at + ".givenName", OPTIONAL, MAX_ID);
            String familyName = reader.text(named, at + ".familyName", OPTIONAL, MAX_ID);
            if (relationship != null) {
                adults.add(new HouseholdAdult(relationship, Sensitive.ofNullable(givenName),
                        Sensitive.ofNullable(familyName)));
            }
        }
        return adults;
    }

    /** @param at where the subject is in the submission: {@code subject}, or {@code subjects[1]} in a household */
    private static @Nullable Subject subject(JsonNode node, String at, FieldReader reader) {
        if (!node.isObject()) {
            reader.reject(at, "is required: an object with nhsNumber or localId");
            return null;
        }
        NhsNumber nhsNumber = reader.parsed(node, at + ".nhsNumber", OPTIONAL, NhsNumber::of,
                "must be a valid NHS number: 10 digits with a modulus 11 check digit");
        LocalId localId = null;
        JsonNode local = node.path("localId");
        if (local.isObject()) {
            String system = reader.identifier(local, at + ".localId.system", REQUIRED, MAX_ID);
            String value = reader.identifier(local, at + ".localId.value", REQUIRED, MAX_ID);
            localId = system == null || value == null ? null : new LocalId(system, Sensitive.of(value));
        } else if (!local.isMissingNode() && !local.isNull()) {
            reader.reject(at + ".localId", "must be an object with system and value");
        }
        if (nhsNumber == null && localId == null && !node.has("nhsNumber") && !local.isObject()) {
            reader.reject(at, "needs at least one of nhsNumber or localId");
        }
        String givenName = reader.text(node, at + ".givenName", OPTIONAL, MAX_ID);
        String familyName = reader.text(node, at + ".familyName", OPTIONAL, MAX_ID);
        LocalDate dateOfBirth = reader.date(node, at + ".dateOfBirth", OPTIONAL);
        String postcode = reader.text(node, at + ".postcode", OPTIONAL, 10);
        return new Subject(nhsNumber, localId, Sensitive.ofNullable(givenName), Sensitive.ofNullable(familyName),
                Sensitive.ofNullable(dateOfBirth), Sensitive.ofNullable(postcode));
    }

    private static Consent consent(JsonNode node, @Nullable EntryType type, FieldReader reader) {
        if (node.isMissingNode() || node.isNull()) {
            if (type != null && type.requiresConsent()) {
                reader.reject("consent", "is required for a " + type.wireName()
                        + ": given, refused, not-sought-prejudicial or not-required");
            }
            return type == EntryType.CONSENT_WITHDRAWN
                    ? new Consent(ConsentStatus.WITHDRAWN, null)
                    : Consent.notStated();
        }
        if (!node.isObject()) {
            reader.reject("consent", "must be an object with status and, where needed, reason");
            return Consent.notStated();
        }
        ConsentStatus status = reader.parsed(node, "consent.status", REQUIRED, SubmissionTranslator::wireConsent,
                "must be one of: given, refused, not-sought-prejudicial, not-required");
        String reason = reader.text(node, "consent.reason", status != null && status.needsReason());
        if (type == EntryType.CONSENT_WITHDRAWN) {
            status = ConsentStatus.WITHDRAWN;
        }
        return new Consent(status, Sensitive.ofNullable(reason));
    }

    private static ConsentStatus wireConsent(String text) {
        ConsentStatus status = ConsentStatus.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (status == ConsentStatus.WITHDRAWN || status == ConsentStatus.NOT_STATED) {
            throw new IllegalArgumentException("not a submittable consent status");
        }
        return status;
    }

    /**
     * The earlier entry a type's details name ({@link EntryField.Role#REFERENCE}), if it names one: by the agency's
     * own source record id ({@link EntryField#bySourceRecordId()}) or, where the type allows, by its entry id.
     */
    private static @Nullable EntryReference reference(EntryType type, JsonNode details, FieldReader reader) {
        EntryField field = EntryField.of(type.entryRecord()).stream()
                .filter(candidate -> candidate.role() == EntryField.Role.REFERENCE).findFirst().orElse(null);
        if (field == null) {
            return null;
        }
        String bySourceRecordId = "details." + field.bySourceRecordId();
        if (!field.byEntryId()) {
            return new EntryReference(bySourceRecordId,
                    reader.identifier(details, bySourceRecordId, REQUIRED, MAX_ID), null);
        }
        String byEntryId = "details." + field.wireName();
        String sourceRecordId = reader.identifier(details, bySourceRecordId, OPTIONAL, MAX_ID);
        EntryId entryId = reader.parsed(details, byEntryId, OPTIONAL, EntryId::of, "must be an entry id");
        if ((sourceRecordId == null) == (entryId == null) && reader.problems().isEmpty()) {
            reader.reject(bySourceRecordId, "exactly one of " + field.bySourceRecordId() + " or "
                    + field.wireName() + " is required");
        }
        return new EntryReference(entryId == null ? bySourceRecordId : byEntryId, sourceRecordId, entryId);
    }

    /**
     * Reads the details of one type into its fields' values, by the fields its entry record declares
     * ({@link EntryField}): each from its wire form, then checked against the constraints declared on it. Problems
     * go to the reader, every one of them; references to earlier entries are read apart ({@link #reference}).
     */
    private Map<String, Object> details(EntryType type, JsonNode details, String at, FieldReader reader) {
        Map<String, Object> values = new HashMap<>();
        for (EntryField field : EntryField.of(type.entryRecord())) {
            if (field.role() != EntryField.Role.VALUE) {
                continue;
            }
            String path = at + "." + field.wireName();
            JsonNode node = details.get(field.wireName());
            if (node == null || node.isNull()) {
                if (field.required()) {
                    reader.reject(path, "is required");
                }
                continue;
            }
            Object value;
            try {
                value = field.fromWire(JSON.treeToValue(node, Object.class));
            } catch (IllegalArgumentException | JsonProcessingException notOfItsKind) {
                reader.reject(path, field.describe());
                continue;
            }
            Set<? extends ConstraintViolation<?>> violations = validator.validateValue(type.entryRecord(),
                    field.name(), value);
            violations.forEach(violation -> reader.reject(path, violation.getMessage()));
            if (violations.isEmpty()) {
                values.put(field.name(), value);
            }
        }
        return values;
    }
}
