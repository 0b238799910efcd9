package org.childjourney.core.journey.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.provenance.Sensitivity;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events are the legal record: once stored they are read for years. Each event's JSON, as the production
 * serializer writes it, is approved in {@code event-schemas/<Event>/rev-<revision>.json}; this test fails, and never
 * rewrites the approved file, when the JSON changes. A deliberate change bumps {@code @Revision}, adds an upcaster
 * and a new approved file. What the code writes now is left in {@code target/event-schemas-received/} for review.
 * An additive change (a new field with a default, such as the provenance's {@code sensitivity}) keeps the revision:
 * the approved file is regenerated, and a copy of the file as stored before the field existed must still read.
 */
class EventSchemaTest {

    /** Configured like Spring Boot's ObjectMapper in the services, with {@code non_null} inclusion. */
    private static final ObjectMapper PRODUCTION = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * Events past their first revision, each with an upcaster from the one before and the approved JSON of every
     * revision kept: {@code JourneyDisclosed} 2 added the grounds (read from revision 1 by the query API's
     * {@code JourneyDisclosedUpcaster}).
     */
    private static final Map<Class<?>, String> REVISIONS = Map.of(JourneyDisclosed.class, "2",
            NoticeAcknowledged.class, "2", AgencyNotified.class, "2");

    private static final Path RECEIVED = Path.of("target", "event-schemas-received");

    /** The roots of the event families: every event is a record permitted, directly or not, by exactly one. */
    private static final List<Class<?>> FAMILIES = List.of(JourneyEvent.class, DisclosureEvent.class,
            InboxEvent.class);

    /** A school concern as stored before {@code Provenance} had a {@code sensitivity}. */
    private static final String BEFORE_SENSITIVITY = "event-schemas/SchoolConcernRaised/rev-1-before-sensitivity.json";

    private static final List<Object> FIXTURE_EVENTS = JourneyFixtures.everyEvent();

    static Stream<Named<Object>> fixtureEvents() {
        return FIXTURE_EVENTS.stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    @Test
    void hasAnApprovedFixtureForEveryEvent() {
        Set<Class<?>> events = leafEvents(FAMILIES.toArray(Class<?>[]::new));

        assertThat(FIXTURE_EVENTS).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        int entryTypes = EntryType.values().length;
        assertThat(events).hasSize(20 + entryTypes);
        assertThat(leafEvents(JourneyEntry.class)).as("the entries agencies submit").hasSize(entryTypes);
        assertThat(leafEvents(JourneyEvent.class)).as("everything in the journey's stream").hasSize(15 + entryTypes);
        assertThat(leafEvents(DisclosureEvent.class)).as("disclosure records").hasSize(4);
        assertThat(leafEvents(InboxEvent.class)).as("inbox events").hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("fixtureEvents")
    void writesExactlyTheApprovedJson(Object event) throws IOException {
        JsonNode written = PRODUCTION.readTree(PRODUCTION.writeValueAsString(event));
        String received = PRODUCTION.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n";
        Path receivedFile = RECEIVED.resolve(approvedPath(event.getClass()));
        Files.createDirectories(receivedFile.getParent());
        Files.writeString(receivedFile, received);

        assertThat(written)
                .as("%s as stored now differs from the approved %s; received JSON is in %s",
                        event.getClass().getSimpleName(), approvedPath(event.getClass()), receivedFile)
                .isEqualTo(approved(event.getClass()));
    }

    @ParameterizedTest
    @MethodSource("fixtureEvents")
    void readsTheApprovedJsonBackAsTheSameEvent(Object event) throws IOException {
        Object read = PRODUCTION.treeToValue(approved(event.getClass()), event.getClass());

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("fixtureEvents")
    void isARecordOfASealedEventFamilyAtItsRevision(Object event) {
        Class<?> type = event.getClass();

        assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
        assertThat(type.getAnnotation(Revision.class)).as("%s has @Revision", type.getSimpleName())
                .isNotNull()
                .extracting(Revision::value).isEqualTo(REVISIONS.getOrDefault(type, "1"));
        assertThat(type.getEnclosingClass()).as("%s is a top-level type", type.getSimpleName()).isNull();
        assertThat(FAMILIES.stream().filter(family -> family.isAssignableFrom(type)))
                .as("%s belongs to exactly one of JourneyEvent, DisclosureEvent and InboxEvent", type.getSimpleName())
                .hasSize(1);
        assertThat(Stream.of(JourneyEvent.class, DisclosureEvent.class, InboxEvent.class)
                .filter(family -> Arrays.asList(family.getPermittedSubclasses()).contains(type))
                .count() + Arrays.stream(EntryType.values()).filter(entry -> entry.entryRecord() == type).count())
                .as("%s is permitted by exactly one sealed event interface, or is exactly one entry type's record",
                        type.getSimpleName())
                .isEqualTo(1);
    }

    @Test
    void readsANoticeStoredBeforeNoticesHadADeliveryTimeAsHavingNone() throws IOException {
        AgencyNotified read = PRODUCTION.treeToValue(resource("event-schemas/AgencyNotified/rev-1.json"),
                AgencyNotified.class);

        assertThat(read.deliverBy()).isNull();
        assertThat(read.noticeId()).isEqualTo(JourneyFixtures.agencyNotified().noticeId());
    }

    @Test
    void readsAReceiptStoredBeforeTheJourneyDecidedThemAsNamingNoJourney() throws IOException {
        NoticeAcknowledged read = PRODUCTION.treeToValue(resource("event-schemas/NoticeAcknowledged/rev-1.json"),
                NoticeAcknowledged.class);

        assertThat(read.journeyId()).isNull();
        assertThat(read.noticeId()).isEqualTo(JourneyFixtures.noticeAcknowledged().noticeId());
    }

    @Test
    void readsAnEntryStoredBeforeProvenanceHadASensitivityAsNotSensitive() throws IOException {
        JsonNode stored = resource(BEFORE_SENSITIVITY);
        assertThat(stored.path("provenance").has("sensitivity")).as("the old file lacks the field").isFalse();

        SchoolConcernRaised read = PRODUCTION.treeToValue(stored, SchoolConcernRaised.class);

        assertThat(read.provenance().sensitivity()).isEqualTo(Sensitivity.NONE);
        assertThat(read).isEqualTo(JourneyFixtures.schoolConcernRaised());
    }

    @Test
    void changedTheApprovedEntrySchemaOnlyByAddingTheSensitivity() throws IOException {
        ObjectNode now = (ObjectNode) approved(SchoolConcernRaised.class).deepCopy();
        assertThat(now.path("provenance").path("sensitivity").asText()).isEqualTo("NONE");

        ((ObjectNode) now.get("provenance")).remove("sensitivity");

        assertThat(now).isEqualTo(resource(BEFORE_SENSITIVITY));
    }

    @Test
    void keepsASensitivityTheSourceClassed() throws IOException {
        SchoolConcernRaised sensitive = new SchoolConcernRaised(JourneyFixtures.JOURNEY, JourneyFixtures.SCHOOL_CONCERN,
                JourneyFixtures.provenance(JourneyFixtures.SCHOOL_PARKSIDE, Sensitivity.MENTAL_HEALTH),
                JourneyFixtures.amy(), JourneyFixtures.CONSENT_GIVEN,
                JourneyFixtures.schoolConcernRaised().category(), JourneyFixtures.schoolConcernRaised().description(),
                JourneyFixtures.schoolConcernRaised().actionTaken());

        JsonNode written = PRODUCTION.readTree(PRODUCTION.writeValueAsString(sensitive));

        assertThat(written.path("provenance").path("sensitivity").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(PRODUCTION.treeToValue(written, SchoolConcernRaised.class)).isEqualTo(sensitive);
    }

    @ParameterizedTest
    @MethodSource("fixtureEvents")
    void printsNoneOfTheChildsPersonalData(Object event) {
        String printed = event.toString();

        assertThat(JourneyFixtures.personalData()).allSatisfy(personal -> assertThat(printed)
                .as("%s.toString() shows no personal data", event.getClass().getSimpleName())
                .doesNotContain(personal));
    }

    private static String approvedPath(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return "event-schemas/" + type.getSimpleName() + "/rev-" + (revision == null ? "?" : revision.value())
                + ".json";
    }

    private static JsonNode approved(Class<?> type) throws IOException {
        return resource(approvedPath(type));
    }

    private static JsonNode resource(String path) throws IOException {
        try (InputStream stored = EventSchemaTest.class.getResourceAsStream("/" + path)) {
            if (stored == null) {
                return fail("no approved schema %s: review target/event-schemas-received/ and approve it by copying"
                        + " it to src/test/resources/", path);
            }
            return PRODUCTION.readTree(stored);
        }
    }

    /** The records of the families: the sealed interfaces' permitted records, and every entry type's record. */
    private static Set<Class<?>> leafEvents(Class<?>... families) {
        Set<Class<?>> leaves = new LinkedHashSet<>();
        for (Class<?> family : families) {
            if (family == JourneyEntry.class) {
                Arrays.stream(EntryType.values()).map(EntryType::entryRecord).forEach(leaves::add);
                continue;
            }
            for (Class<?> permitted : family.getPermittedSubclasses()) {
                if (permitted.isInterface()) {
                    leaves.addAll(leafEvents(permitted));
                } else {
                    leaves.add(permitted);
                }
            }
        }
        return leaves;
    }
}
