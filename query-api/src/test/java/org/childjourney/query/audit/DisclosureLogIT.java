package org.childjourney.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditors' disclosure log ({@code GET /api/v1/audit/disclosures}): every read of a journey, permitted or
 * refused, with its reader, purpose, grounds and decision, filtered by journey, reader and time, a page at a time,
 * complete up to the moment it is read (from the event store), and itself recorded.
 */
class DisclosureLogIT extends QueryApiIT {

    @Autowired
    JdbcClient jdbc;

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    @Test
    void listsEveryReadOfAJourneyWithItsGroundsAndDecisionAtOnce() {
        QueryClient query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        story.schoolConcern("2026-11-02T09:00:00Z", ConsentStatus.GIVEN);
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        assertThat(query.get(path, sarah, "child-in-need").status()).isEqualTo(200);
        assertThat(query.get(path, tom, "early-help").status()).isEqualTo(403);

        JsonNode items = log(query, "journeyId=" + story.journeyId()).json().path("items");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("viewer").asText()).isEqualTo("sw.sarah");
        assertThat(items.get(0).path("agency").asText()).isEqualTo("csc-county");
        assertThat(items.get(0).path("decision").asText()).isEqualTo("permitted");
        assertThat(items.get(0).path("grounds").toString()).isEqualTo("[\"own-record\",\"lead\"]");
        assertThat(items.get(0).path("purpose").asText()).isEqualTo("child-in-need");
        assertThat(items.get(1).path("viewer").asText()).isEqualTo("teacher.tom");
        assertThat(items.get(1).path("decision").asText()).isEqualTo("refused");
        assertThat(items.get(1).path("reason").asText()).isEqualTo("NO_GROUND");
        assertThat(log(query, "journeyId=" + story.journeyId() + "&viewer=teacher.tom").json().path("items")
                .findValuesAsText("viewer")).containsExactly("teacher.tom");
        assertThat(log(query, "journeyId=" + story.journeyId() + "&from=" + Instant.now().plusSeconds(60))
                .json().path("items")).isEmpty();
        assertThat(log(query, "journeyId=" + story.journeyId()).json().path("items").findValuesAsText("kind"))
                .as("the listing is itself a read of the journey").contains("audit-trail");
    }

    @Test
    void readsALongLogAPageAtATime() {
        QueryClient query = new QueryClient(port);
        String journey = UUID.randomUUID().toString();
        for (int i = 0; i < DisclosureLogQueryHandler.PAGE + 20; i++) {
            assertThat(query.get("/api/v1/journeys/" + journey + "/timeline", tom, "early-help").status())
                    .isEqualTo(403);
        }
        List<String> listed = new ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            JsonNode answer = log(query, "viewer=teacher.tom&journeyId=" + journey
                    + (page == null ? "" : "&page=" + page)).json();
            answer.path("items").forEach(item -> listed.add(item.path("disclosureId").asText()));
            page = answer.path("next").isNull() || answer.path("next").isMissingNode() ? null
                    : answer.path("next").asText();
            pages++;
        } while (page != null && pages < 10);

        assertThat(pages).isGreaterThan(1);
        assertThat(listed).hasSize(DisclosureLogQueryHandler.PAGE + 20).doesNotHaveDuplicates();
    }

    /**
     * For systems that keep audit trails in FHIR: the same log as a searchset Bundle of R4 AuditEvents, read back by
     * HAPI FHIR's strict parser, one for each read, with the reader, the agency, the journey, the purpose, the grounds
     * and what came of it, and a next link while the log goes on. Listing it is recorded as the JSON listing is.
     */
    @Test
    void theLogInFhirIsABundleOfAuditEvents() {
        QueryClient query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        assertThat(query.get(path, sarah, "child-in-need").status()).isEqualTo(200);
        assertThat(query.get(path, tom, "early-help").status()).isEqualTo(403);
        long recordsBefore = auditTrailReads();

        Answer answer = query.get("/api/v1/audit/disclosures?journeyId=" + story.journeyId(), ann,
                Map.of("Accept", "application/fhir+json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/fhir+json");
        Bundle bundle = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, answer.raw());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).hasSize(2);
        AuditEvent permitted = (AuditEvent) bundle.getEntry().get(0).getResource();
        assertThat(permitted.getType().getCode()).isEqualTo("110110");
        assertThat(permitted.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(permitted.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(permitted.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("sw.sarah");
        assertThat(permitted.getAgentFirstRep().getRequestor()).isTrue();
        assertThat(permitted.getAgentFirstRep().getRole()).extracting(role -> role.getCodingFirstRep().getCode())
                .containsExactly("own-record", "lead");
        assertThat(permitted.getAgent().get(1).getWho().getIdentifier().getValue()).isEqualTo("csc-county");
        assertThat(permitted.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("child-in-need");
        assertThat(permitted.getEntityFirstRep().getWhat().getIdentifier().getValue())
                .isEqualTo(story.journeyId().toString());
        AuditEvent refused = (AuditEvent) bundle.getEntry().get(1).getResource();
        assertThat(refused.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("teacher.tom");
        assertThat(refused.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
        assertThat(refused.getOutcomeDesc()).isEqualTo("refused: NO_GROUND");
        assertThat(auditTrailReads()).as("the listing in FHIR is recorded too").isEqualTo(recordsBefore + 1);

        String journey = UUID.randomUUID().toString();
        for (int i = 0; i < DisclosureLogQueryHandler.PAGE + 1; i++) {
            query.get("/api/v1/journeys/" + journey + "/timeline", tom, "early-help");
        }
        Bundle first = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, query.get(
                "/api/v1/audit/disclosures?journeyId=" + journey, ann, Map.of("Accept", "application/fhir+json"))
                .raw());
        assertThat(first.getEntry()).hasSize(DisclosureLogQueryHandler.PAGE);
        assertThat(first.getLink("next").getUrl()).contains("journeyId=" + journey).contains("page=");
        Answer second = query.get(first.getLink("next").getUrl(), ann, Map.of("Accept", "application/fhir+json"));
        assertThat(second.status()).as("the next link is followed as it is given").isEqualTo(200);
        Bundle rest = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, second.raw());
        // The last refused read, and the listing of the first page, itself a read of the journey.
        assertThat(rest.getEntry()).hasSize(2);
        assertThat(rest.getEntry()).extracting(entry -> entry.getResource().getIdPart())
                .doesNotContainAnyElementsOf(first.getEntry().stream().map(entry -> entry.getResource().getIdPart())
                        .toList());

        String since = "2026-01-01T00:00:00Z";
        Bundle filtered = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, query.get(
                "/api/v1/audit/disclosures?journeyId=" + story.journeyId() + "&from=" + since.replace(":", "%3A"), ann,
                Map.of("Accept", "application/fhir+json")).raw());
        assertThat(filtered.getLink("self").getUrl()).contains("from=2026-01-01T00%3A00%3A00Z");
        assertThat(filtered.getEntry().get(0).getResource().getIdPart()).as("an event's id, however filtered")
                .isEqualTo(permitted.getIdPart());

        Answer refusedInFhir = query.get("/api/v1/audit/disclosures", sarah, Map.of("Accept", "application/fhir+json"));
        assertThat(refusedInFhir.status()).isEqualTo(403);
        assertThat(refusedInFhir.contentType()).startsWith("application/problem+json");
    }

    @Test
    void isForAuditorsAndRefusesWhatItCannotRead() {
        QueryClient query = new QueryClient(port);

        assertThat(query.get("/api/v1/audit/disclosures", sarah, Map.of()).status()).isEqualTo(403);
        assertThat(log(query, "page=not-a-token").status()).isEqualTo(400);
        assertThat(log(query, "from=yesterday").status()).isEqualTo(400);
    }

    private long auditTrailReads() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?")
                .param(AuditTrailRead.class.getName()).query(Long.class).single();
    }

    private Answer log(QueryClient query, String filters) {
        return query.get("/api/v1/audit/disclosures?" + filters, ann, Map.of());
    }
}
