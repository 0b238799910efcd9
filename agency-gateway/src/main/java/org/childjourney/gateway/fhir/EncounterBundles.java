package org.childjourney.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.gateway.fhir.NotAnAttendance.Problem;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads an emergency department attendance sent in FHIR R4 ({@value #MEDIA_TYPE}) and maps it to the contract's
 * {@code ae-attendance} submission, which the intake then validates and records as it does one sent as JSON: the same
 * event, the same idempotency (the same attendance sent both ways is one entry), the same answers.
 *
 * <p>The body is a {@code Bundle} ({@code collection} or {@code transaction}) holding one {@code Encounter} of class
 * {@code EMER}, the {@code Patient} it names as its subject, and optionally an active {@code Flag} about the patient:
 *
 * <table>
 * <caption>Where each field of the submission comes from</caption>
 * <tr><td>{@code sourceRecordId}</td><td>{@code Encounter.identifier}, the first with a value</td></tr>
 * <tr><td>{@code occurredAt}</td><td>{@code Encounter.period.start}, to the second at least</td></tr>
 * <tr><td>{@code details.dischargedAt}</td><td>{@code Encounter.period.end}</td></tr>
 * <tr><td>{@code details.site}</td><td>{@code Encounter.serviceProvider.display}, else the first location's
 * {@code Encounter.location.location.display}</td></tr>
 * <tr><td>{@code details.presentingComplaint}</td><td>{@code Encounter.reasonCode}: the first text, else the first
 * coding's display</td></tr>
 * <tr><td>{@code details.injury}</td><td>the {@code Encounter} extension {@value #INJURY} ({@code valueBoolean})</td></tr>
 * <tr><td>{@code details.safeguardingConcern}</td><td>an active {@code Flag}'s {@code code.text}</td></tr>
 * <tr><td>{@code subject.nhsNumber}</td><td>{@code Patient.identifier} of system {@value #NHS_NUMBER}</td></tr>
 * <tr><td>{@code subject.localId}</td><td>{@code Patient.identifier} of system {@value #LOCAL_ID}{@code <system>}</td></tr>
 * <tr><td>{@code subject.givenName}, {@code familyName}</td><td>{@code Patient.name}, the official one or the first</td></tr>
 * <tr><td>{@code subject.dateOfBirth}, {@code postcode}</td><td>{@code Patient.birthDate}, the first
 * {@code Patient.address.postalCode}</td></tr>
 * </table>
 *
 * <p>HAPI FHIR's parser checks the body against FHIR R4's structures ({@link ParseProblems}: elements, types, code
 * sets, repetition; not cardinality); the mapping checks what an attendance needs, and refuses modifier extensions
 * it does not know and what would be ambiguous (two NHS numbers, full URLs repeated). Problems name the FHIR element, and problems the intake finds in the mapped submission are
 * named by the element they came from ({@link #element}).
 */
@Component
public class EncounterBundles {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String LOCAL_ID = "urn:childjourney:local-id:";
    static final String INJURY = "urn:childjourney:fhir:extension:injury";
    private static final String EMERGENCY = "EMER";
    private static final String ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final Set<EncounterStatus> NOT_AN_ATTENDANCE = Set.of(EncounterStatus.PLANNED,
            EncounterStatus.CANCELLED, EncounterStatus.ENTEREDINERROR);
    /** The FHIR element each field of the submission is read from. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("sourceRecordId", "Encounter.identifier"),
            Map.entry("occurredAt", "Encounter.period.start"),
            Map.entry("subject", "Patient.identifier"),
            Map.entry("subject.nhsNumber", "Patient.identifier"),
            Map.entry("subject.localId", "Patient.identifier"),
            Map.entry("subject.localId.system", "Patient.identifier.system"),
            Map.entry("subject.localId.value", "Patient.identifier.value"),
            Map.entry("subject.givenName", "Patient.name.given"),
            Map.entry("subject.familyName", "Patient.name.family"),
            Map.entry("subject.dateOfBirth", "Patient.birthDate"),
            Map.entry("subject.postcode", "Patient.address.postalCode"),
            Map.entry("details.site", "Encounter.serviceProvider.display"),
            Map.entry("details.presentingComplaint", "Encounter.reasonCode"),
            Map.entry("details.injury", "Encounter.extension(" + INJURY + ")"),
            Map.entry("details.dischargedAt", "Encounter.period.end"),
            Map.entry("details.safeguardingConcern", "Flag.code.text"));

    private final FhirContext fhir = FhirContext.forR4();
    private final ObjectMapper json;

    EncounterBundles(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The contract's submission for the attendance in this body.
     *
     * @throws NotAnAttendance if the body is not FHIR R4 JSON, or not an emergency department attendance
     */
    public ObjectNode submission(byte[] body) {
        ParseProblems parsing = new ParseProblems();
        Bundle bundle;
        try {
            bundle = fhir.newJsonParser().setParserErrorHandler(parsing)
                    .parseResource(Bundle.class, new ByteArrayInputStream(body));
        } catch (RuntimeException notABundle) {
            // HAPI's DataFormatException, or anything else its parser throws: its messages repeat values, never used.
            throw new NotAnAttendance(List.of(new Problem("Bundle", "must be a FHIR R4 Bundle in JSON")));
        }
        if (!parsing.problems().isEmpty()) {
            throw new NotAnAttendance(parsing.problems());
        }
        return new Reading(bundle).submission();
    }

    /** The FHIR element a field of the mapped submission ({@code details.site}) was read from. */
    public static String element(String field) {
        return ELEMENTS.getOrDefault(field, "Bundle");
    }

    /** One bundle being read, and what is wrong with it so far. */
    private final class Reading {

        private final Bundle bundle;
        private final List<Problem> problems = new ArrayList<>();

        Reading(Bundle bundle) {
            this.bundle = bundle;
        }

        ObjectNode submission() {
            if (bundle.getEntry().stream().filter(BundleEntryComponent::hasFullUrl)
                    .map(BundleEntryComponent::getFullUrl).distinct().count()
                    != bundle.getEntry().stream().filter(BundleEntryComponent::hasFullUrl).count()) {
                problem("Bundle.entry.fullUrl", "must be unique in the bundle (FHIR R4's invariant bdl-7)");
            }
            if (bundle.getType() != Bundle.BundleType.COLLECTION && bundle.getType() != Bundle.BundleType.TRANSACTION) {
                problem("Bundle.type", "must be collection or transaction");
            }
            List<Encounter> encounters = resources(Encounter.class);
            if (encounters.size() != 1) {
                throw new NotAnAttendance(List.of(new Problem("Bundle.entry", "must hold exactly one Encounter")));
            }
            Encounter encounter = encounters.get(0);
            ObjectNode submission = json.createObjectNode();
            submission.put("sourceRecordId", identifier(encounter));
            submission.put("type", "ae-attendance");
            if (!encounter.hasClass_() || !EMERGENCY.equals(encounter.getClass_().getCode())
                    || !ACT_CODES.equals(encounter.getClass_().getSystem())) {
                problem("Encounter.class", "must be " + ACT_CODES + "|" + EMERGENCY + ": an emergency attendance");
            }
            if (encounter.getStatus() == null || NOT_AN_ATTENDANCE.contains(encounter.getStatus())) {
                problem("Encounter.status", "must be an attendance that took place");
            }
            unknownModifiers(encounter);
            submission.put("occurredAt", instant(encounter.getPeriod().getStartElement(), "Encounter.period.start"));
            if (encounter.getPeriod().hasStart() && encounter.getPeriod().hasEnd()
                    && encounter.getPeriod().getEnd().before(encounter.getPeriod().getStart())) {
                problem("Encounter.period", "must start before it ends (FHIR R4's invariant per-1)");
            }
            Patient patient = patient(encounter.getSubject());
            if (patient != null) {
                submission.set("subject", subject(patient));
            }
            submission.set("details", details(encounter, patient));
            if (!problems.isEmpty()) {
                throw new NotAnAttendance(problems);
            }
            return submission;
        }

        private ObjectNode details(Encounter encounter, @Nullable Patient patient) {
            ObjectNode details = json.createObjectNode();
            String site = encounter.getServiceProvider().getDisplay();
            if (site == null && encounter.hasLocation()) {
                site = encounter.getLocationFirstRep().getLocation().getDisplay();
            }
            if (site == null) {
                problem("Encounter.serviceProvider.display", "must name the emergency department");
            }
            details.put("site", site);
            details.put("presentingComplaint", complaint(encounter.getReasonCode()));
            List<Extension> injuries = encounter.getExtension().stream()
                    .filter(extension -> INJURY.equals(extension.getUrl())).toList();
            if (injuries.size() != 1 || !(injuries.get(0).getValue() instanceof BooleanType flag) || !flag.hasValue()) {
                problem("Encounter.extension(" + INJURY + ")", "must say once, as valueBoolean, whether there was an"
                        + " injury");
            } else {
                details.put("injury", flag.booleanValue());
            }
            details.put("dischargedAt", instant(encounter.getPeriod().getEndElement(), "Encounter.period.end"));
            resources(Flag.class).forEach(this::unknownModifiers);
            resources(Flag.class).stream()
                    .filter(concern -> concern.getStatus() == Flag.FlagStatus.ACTIVE && concern.getCode().hasText())
                    .filter(concern -> patient != null && refersTo(concern.getSubject(), patient))
                    .findFirst()
                    .ifPresent(concern -> details.put("safeguardingConcern", concern.getCode().getText()));
            return details;
        }

        private @Nullable String complaint(List<CodeableConcept> reasons) {
            for (CodeableConcept reason : reasons) {
                if (reason.hasText()) {
                    return reason.getText();
                }
                if (reason.hasCoding() && reason.getCodingFirstRep().hasDisplay()) {
                    return reason.getCodingFirstRep().getDisplay();
                }
            }
            problem("Encounter.reasonCode", "must give the presenting complaint as text or a coding's display");
            return null;
        }

        private ObjectNode subject(Patient patient) {
            unknownModifiers(patient);
            ObjectNode subject = json.createObjectNode();
            for (Identifier identifier : patient.getIdentifier()) {
                String system = identifier.getSystem();
                if (NHS_NUMBER.equals(system)) {
                    if (subject.has("nhsNumber")) {
                        problem("Patient.identifier", "must give one NHS number");
                    }
                    subject.put("nhsNumber", identifier.getValue());
                } else if (system != null && system.startsWith(LOCAL_ID)) {
                    if (subject.has("localId")) {
                        problem("Patient.identifier", "must give one local id of this record's systems");
                    }
                    subject.set("localId", json.createObjectNode().put("system", system.substring(LOCAL_ID.length()))
                            .put("value", identifier.getValue()));
                }
            }
            HumanName name = patient.getName().stream().filter(each -> each.getUse() == HumanName.NameUse.OFFICIAL)
                    .findFirst().orElse(patient.hasName() ? patient.getNameFirstRep() : null);
            if (name != null) {
                name.getGiven().stream().filter(given -> given.hasValue() && !given.getValue().isBlank()).findFirst()
                        .ifPresent(given -> subject.put("givenName", given.getValue()));
                if (name.hasFamily()) {
                    subject.put("familyName", name.getFamily());
                }
            }
            if (patient.hasBirthDateElement()) {
                if (patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
                    problem("Patient.birthDate", "must be a whole date");
                } else {
                    subject.put("dateOfBirth", patient.getBirthDateElement().getValueAsString());
                }
            }
            patient.getAddress().stream().filter(address -> address.hasPostalCode()).findFirst()
                    .ifPresent(address -> subject.put("postcode", address.getPostalCode()));
            return subject;
        }

        private @Nullable String identifier(Encounter encounter) {
            return encounter.getIdentifier().stream().filter(Identifier::hasValue).map(Identifier::getValue)
                    .findFirst().orElseGet(() -> {
                        problem("Encounter.identifier", "must give the hospital's own id for the attendance");
                        return null;
                    });
        }

        private @Nullable String instant(DateTimeType time, String element) {
            if (!time.hasValue()) {
                problem(element, "is required");
                return null;
            }
            if (time.getPrecision().ordinal() < TemporalPrecisionEnum.SECOND.ordinal()
                    || time.getTimeZone() == null && !time.isTimeZoneZulu()) {
                problem(element, "must be a time to the second, with its offset");
                return null;
            }
            // The text as sent, an ISO-8601 time with its offset as the contract's JSON takes it: the same attendance
            // sent as JSON with the same text is then the same submission.
            return time.getValueAsString();
        }

        /** A modifier extension changes what a resource means; one this service does not know cannot be ignored. */
        private void unknownModifiers(Resource resource) {
            if (resource instanceof DomainResource domain && domain.hasModifierExtension()) {
                problem(resource.fhirType() + ".modifierExtension", "is not understood here, and may not be ignored");
            }
        }

        private @Nullable Patient patient(Reference subject) {
            Patient patient = resources(Patient.class).stream().filter(candidate -> refersTo(subject, candidate))
                    .findFirst().orElse(null);
            if (patient == null) {
                problem("Encounter.subject", "must refer to a Patient in the bundle");
            }
            return patient;
        }

        /** Whether the reference names the resource, by its entry's full URL or by type and id. */
        private boolean refersTo(Reference reference, Resource resource) {
            if (!reference.hasReference()) {
                return false;
            }
            String target = reference.getReference();
            return bundle.getEntry().stream().anyMatch(entry -> entry.getResource() == resource
                    && (target.equals(entry.getFullUrl()) || resource.hasIdElement()
                            && target.equals(resource.fhirType() + "/" + resource.getIdElement().getIdPart())));
        }

        private <R extends Resource> List<R> resources(Class<R> type) {
            return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance)
                    .map(type::cast).toList();
        }

        private void problem(String element, String message) {
            problems.add(new Problem(element, message));
        }
    }
}
