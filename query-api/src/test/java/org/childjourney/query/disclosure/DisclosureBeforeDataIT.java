package org.childjourney.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GenericEventMessage;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.InboxRead;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every read appends its disclosure record before any data leaves: on each read path (a permitted timeline, a
 * refusal, the access log, a search, the agency inbox), if the record cannot be appended the read fails and sends nothing about the
 * child; and when it can, the stored record names the journey, the reader, and exactly the entries the answer
 * disclosed and withheld.
 */
class DisclosureBeforeDataIT extends QueryApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    private QueryClient query;
    private JourneyStories story;
    private String nhsNumber;
    private String sarah;
    private String tom;
    private String ann;
    private EntryId shared;
    private EntryId refusedConsent;

    @BeforeEach
    void aChildWithAnEntryWithheldBelowTheThreshold() {
        query = new QueryClient(port);
        nhsNumber = FictionalNhsNumbers.next();
        story = new JourneyStories(eventStore, nhsNumber);
        sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
        tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
        ann = TOKENS.user("auditor.ann", null, "auditor");
        shared = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        refusedConsent = story.schoolConcern("2026-11-20T15:00:00Z", ConsentStatus.REFUSED);
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline(sarah).json().path("entries").size() == 2);
    }

    @Test
    void aPermittedTimelineFailsWithoutItsRecordAndItsRecordNamesExactlyWhatWasDisclosedAndWithheld() {
        assertNothingLeavesWithoutARecord("JourneyDisclosed", () -> timeline(sarah));

        Answer read = timeline(sarah);
        JsonNode record = lastRecord(JourneyDisclosed.class);
        assertThat(record.path("journeyId").asText()).isEqualTo(story.journeyId().toString());
        assertThat(record.path("viewer").path("username").asText()).isEqualTo("sw.sarah");
        assertThat(ids(record.path("disclosed")))
                .containsExactlyInAnyOrderElementsOf(read.json().path("entries").findValuesAsText("entryId"))
                .contains(shared.toString()).doesNotContain(refusedConsent.toString());
        assertThat(ids(record.path("withheld"))).containsExactly(refusedConsent.toString());
    }

    @Test
    void aRefusalFailsWithoutItsRecordAndItsRecordNamesTheJourneyAndTheReader() {
        assertNothingLeavesWithoutARecord("AccessRefused", () -> timeline(tom));

        assertThat(timeline(tom).status()).isEqualTo(403);
        JsonNode record = lastRecord(AccessRefused.class);
        assertThat(record.path("journeyId").asText()).isEqualTo(story.journeyId().toString());
        assertThat(record.path("viewer").path("username").asText()).isEqualTo("teacher.tom");
    }

    @Test
    void theAccessLogFailsWithoutItsRecord() {
        Supplier<Answer> accesses = () -> query.get("/api/v1/journeys/" + story.journeyId() + "/accesses", ann,
                "case-review");
        assertNothingLeavesWithoutARecord("JourneyDisclosed", accesses);

        assertThat(accesses.get().status()).isEqualTo(200);
        JsonNode record = lastRecord(JourneyDisclosed.class);
        assertThat(record.path("journeyId").asText()).isEqualTo(story.journeyId().toString());
        assertThat(record.path("viewer").path("username").asText()).isEqualTo("auditor.ann");
    }

    @Test
    void aSearchFailsWithoutItsRecordAndItsRecordNamesTheJourneysReturnedAndWithheld() {
        Supplier<Answer> sarahsSearch = () -> search(sarah);
        await().atMost(Duration.ofSeconds(15)).until(() -> !sarahsSearch.get().json().path("journeys").isEmpty());
        assertNothingLeavesWithoutARecord("JourneysSearched", sarahsSearch);

        assertThat(sarahsSearch.get().json().path("journeys").findValuesAsText("journeyId"))
                .containsExactly(story.journeyId().toString());
        assertThat(ids(lastRecord(JourneysSearched.class).path("disclosed")))
                .containsExactly(story.journeyId().toString());
        assertThat(search(tom).json().path("journeys")).isEmpty();
        JsonNode tomsSearch = lastRecord(JourneysSearched.class);
        assertThat(tomsSearch.path("viewer").path("username").asText()).isEqualTo("teacher.tom");
        assertThat(ids(tomsSearch.path("disclosed"))).isEmpty();
        assertThat(ids(tomsSearch.path("withheld"))).containsExactly(story.journeyId().toString());
    }

    @Test
    void anInboxReadFailsWithoutItsRecordAndItsRecordNamesTheItemsShown() {
        eventStore.publish(GenericEventMessage.asEventMessage(new AgencyNotified("notice-" + UUID.randomUUID(),
                AgencyCode.of("school-parkside"), NoticeKind.ACCESS_NOTICE, story.journeyId(), List.of(shared),
                "Fictional notice", null)));
        String parkside = TOKENS.user("service-account-school-parkside", "school-parkside", "agency-system");
        Supplier<Answer> inbox = () -> query.get("/api/v1/inbox", parkside, Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> !inbox.get().json().path("items").isEmpty());
        assertNothingLeavesWithoutARecord("InboxRead", inbox);

        Answer read = inbox.get();
        JsonNode record = lastRecord(InboxRead.class);
        assertThat(record.path("agency").asText()).isEqualTo("school-parkside");
        assertThat(record.path("readBy").asText()).isEqualTo("service-account-school-parkside");
        assertThat(ids(record.path("itemIds")))
                .containsExactlyElementsOf(read.json().path("items").findValuesAsText("itemId"));
        assertThat(ids(record.path("journeyIds"))).containsExactly(story.journeyId().toString());
    }

    /** With the event store refusing records of this type, the read fails with a problem and names nothing. */
    private void assertNothingLeavesWithoutARecord(String recordType, Supplier<Answer> read) {
        long before = records();
        jdbc.sql("ALTER TABLE DomainEventEntry ADD CONSTRAINT no_records CHECK (payloadType NOT LIKE '%"
                + recordType + "') NOCHECK").update();
        Answer answer;
        try {
            answer = read.get();
        } finally {
            jdbc.sql("ALTER TABLE DomainEventEntry DROP CONSTRAINT no_records").update();
        }

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        ObjectNode problem = answer.json().deepCopy();
        problem.remove("instance");
        assertThat(problem.toString()).doesNotContain("entries", "journeys", "school", "Hungry", "neglect",
                story.journeyId().toString(), shared.toString(), nhsNumber);
        assertThat(records()).isEqualTo(before);
    }

    private Answer timeline(String token) {
        return query.get("/api/v1/journeys/" + story.journeyId() + "/timeline", token, "child-in-need");
    }

    private Answer search(String token) {
        return query.post("/api/v1/journeys:search", token, Map.of("X-Purpose", "child-in-need"),
                "{\"nhsNumber\":\"" + nhsNumber + "\"}");
    }

    private long records() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType IN (?, ?, ?, ?)")
                .params(JourneyDisclosed.class.getName(), AccessRefused.class.getName(),
                        JourneysSearched.class.getName(), InboxRead.class.getName()).query(Long.class).single();
    }

    /** The latest disclosure record of this type, as the event store holds it. */
    private JsonNode lastRecord(Class<?> type) {
        byte[] payload = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE payloadType = ? "
                + "ORDER BY globalIndex DESC LIMIT 1").param(type.getName()).query(byte[].class).single();
        try {
            return JSON.readTree(payload);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
