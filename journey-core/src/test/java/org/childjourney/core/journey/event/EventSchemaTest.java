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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.childjourney.core.journey.JourneyFixtures;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events are the legal record: once stored they are read for years. Each event's JSON, as the production
 * serializer writes it, is approved in {@code event-schemas/<Event>/rev-<revision>.json}; this test fails, and never
 * rewrites the approved file, when the JSON changes. A deliberate change bumps {@code @Revision}, adds an upcaster
 * and a new approved file. What the code writes now is left in {@code target/event-schemas-received/} for review.
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

    private static final Path RECEIVED = Path.of("target", "event-schemas-received");

    private static final List<Object> FIXTURE_EVENTS = List.of(
            JourneyFixtures.contactReceived(),
            JourneyFixtures.contactDecided(),
            JourneyFixtures.aeAttendanceRecorded(),
            JourneyFixtures.domesticAbuseNotified(),
            JourneyFixtures.schoolConcernRaised(),
            JourneyFixtures.childProtectionPlanStarted(),
            JourneyFixtures.childProtectionPlanEnded(),
            JourneyFixtures.involvementStarted(),
            JourneyFixtures.involvementEnded(),
            JourneyFixtures.entryCorrected(),
            JourneyFixtures.entryRetracted(),
            JourneyFixtures.consentRecorded(),
            JourneyFixtures.consentWithdrawn(),
            JourneyFixtures.journeyDisclosed(),
            JourneyFixtures.accessRefused(),
            JourneyFixtures.journeysSearched());

    static Stream<Named<Object>> fixtureEvents() {
        return FIXTURE_EVENTS.stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    @Test
    void hasAnApprovedFixtureForEveryEvent() {
        Set<Class<?>> events = Stream.of(JourneyEntry.class, DisclosureEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .collect(Collectors.toSet());

        assertThat(FIXTURE_EVENTS).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).hasSize(16);
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
    void isARevisionOneRecordOfASealedEventFamily(Object event) {
        Class<?> type = event.getClass();

        assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
        assertThat(type.getAnnotation(Revision.class)).as("%s has @Revision", type.getSimpleName())
                .isNotNull()
                .extracting(Revision::value).isEqualTo("1");
        assertThat(type.getEnclosingClass()).as("%s is a top-level type", type.getSimpleName()).isNull();
        assertThat(Stream.of(JourneyEntry.class, DisclosureEvent.class)
                .filter(family -> Arrays.asList(family.getPermittedSubclasses()).contains(type)))
                .as("%s is permitted by JourneyEntry or DisclosureEvent", type.getSimpleName())
                .hasSize(1);
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
        try (InputStream stored = EventSchemaTest.class.getResourceAsStream("/" + approvedPath(type))) {
            if (stored == null) {
                return fail("no approved schema %s: review target/event-schemas-received/ and approve it by copying"
                        + " it to src/test/resources/", approvedPath(type));
            }
            return PRODUCTION.readTree(stored);
        }
    }
}
