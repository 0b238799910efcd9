package org.childjourney.query.audit;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The disclosure log in FHIR R4 ({@code Accept: application/fhir+json}): a page of it as a {@code searchset} Bundle
 * of {@code AuditEvent}s, one for each item, with a {@code next} link while the log goes on. Each says who read
 * ({@code agent}: the practitioner and their agency), which journey ({@code entity}), for what purpose
 * ({@code purposeOfEvent}), on which grounds ({@code agent.role}), when ({@code recorded}) and what came of it
 * ({@code outcome}: {@code 0} for a read permitted, or a search that withheld the journey; {@code 4} for a refusal,
 * with its reason in {@code outcomeDesc}). Codes of the record's own are in code systems named
 * {@code urn:childjourney:*} (docs/fhir.md).
 */
@Component
class DisclosuresAsAuditEvents extends AbstractHttpMessageConverter<Disclosures> {

    static final String MEDIA_TYPE = "application/fhir+json";
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String INTERACTIONS = "http://hl7.org/fhir/restful-interaction";
    private static final String SOURCE_TYPES = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private static final String ENTITY_TYPES = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLES = "http://terminology.hl7.org/CodeSystem/object-role";

    private final FhirContext fhir = FhirContext.forR4();

    DisclosuresAsAuditEvents() {
        super(StandardCharsets.UTF_8, MediaType.parseMediaType(MEDIA_TYPE));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Disclosures.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Disclosures readInternal(Class<? extends Disclosures> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("The disclosure log is only written", input);
    }

    @Override
    protected void writeInternal(Disclosures page, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(bundle(page), writer);
        writer.flush();
    }

    private Bundle bundle(Disclosures page) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        List<String> filters = request.getQueryString() == null ? List.of() : Arrays.stream(request.getQueryString()
                .split("&")).filter(parameter -> !parameter.isEmpty() && !parameter.startsWith("page=")).toList();
        bundle.addLink().setRelation("self").setUrl(link(request, request.getQueryString() == null ? List.of()
                : Arrays.asList(request.getQueryString().split("&"))));
        if (page.next() != null) {
            List<String> next = new ArrayList<>(filters);
            next.add("page=" + UriUtils.encodeQueryParam(page.next(), StandardCharsets.UTF_8));
            bundle.addLink().setRelation("next").setUrl(link(request, next));
        }
        for (Disclosures.Item item : page.items()) {
            bundle.addEntry().setResource(auditEvent(item)).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The path and the query as the request sent them (encoded once): relative, whatever host the caller used. */
    private static String link(HttpServletRequest request, List<String> parameters) {
        return request.getRequestURI() + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    private static AuditEvent auditEvent(Disclosures.Item item) {
        boolean search = item.kind().equals("search");
        AuditEvent event = new AuditEvent()
                .setType(new Coding(DICOM, "110110", "Patient Record"))
                .setAction(search ? AuditEventAction.E : AuditEventAction.R)
                .setRecorded(Date.from(item.at()))
                .setOutcome(item.decision().equals("refused") ? AuditEventOutcome._4 : AuditEventOutcome._0)
                .setOutcomeDesc(item.reason() == null ? item.decision() : item.decision() + ": " + item.reason());
        // A search or an audit-trail read of several journeys is one disclosure record: one AuditEvent for each
        // journey, named by both, so that an event keeps its id however the log is filtered.
        event.setId(UUID.nameUUIDFromBytes((item.disclosureId() + "/" + item.journeyId())
                .getBytes(StandardCharsets.UTF_8)).toString());
        event.addSubtype(new Coding(INTERACTIONS, search ? "search-type" : "read", null));
        event.addSubtype(new Coding("urn:childjourney:read-kind", item.kind(), null));
        if (item.purpose() != null) {
            event.addPurposeOfEvent(new CodeableConcept(new Coding("urn:childjourney:purpose", item.purpose(), null)));
        }
        AuditEventAgentComponent reader = event.addAgent().setRequestor(true)
                .setWho(byIdentifier("urn:childjourney:username", item.viewer()));
        item.grounds().forEach(ground -> reader.addRole(new CodeableConcept(
                new Coding("urn:childjourney:ground", ground, null))));
        if (item.purpose() != null) {
            reader.addPurposeOfUse(new CodeableConcept(new Coding("urn:childjourney:purpose", item.purpose(), null)));
        }
        if (item.agency() != null) {
            event.addAgent().setRequestor(false).setWho(byIdentifier("urn:childjourney:agency", item.agency()));
        }
        event.getSource().setSite("child-journey-record").setObserver(new Reference().setDisplay("query-api"))
                .addType(new Coding(SOURCE_TYPES, "4", "Application Server"));
        AuditEventEntityComponent journey = event.addEntity()
                .setWhat(byIdentifier("urn:childjourney:journey", item.journeyId()))
                .setType(new Coding(ENTITY_TYPES, "2", "System Object"))
                .setRole(new Coding(OBJECT_ROLES, "4", "Domain Resource"));
        journey.addDetail().setType("disclosure-id").setValue(new StringType(item.disclosureId()));
        if (item.policyVersion() != null) {
            journey.addDetail().setType("policy-version").setValue(new StringType(item.policyVersion()));
        }
        return event;
    }

    private static Reference byIdentifier(String system, String value) {
        return new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value));
    }
}
