package org.childjourney.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.junit.jupiter.api.Test;

/**
 * A disclosure record stored at revision 1 (the approved JSON of journey-core's event schemas) reads, through
 * Axon's upcasting and the Jackson serializer the services use, as revision 2 with no grounds and every other field
 * as it was stored.
 */
class JourneyDisclosedUpcasterTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    @Test
    void readsARevisionOneRecordAsRevisionTwoWithNoGrounds() throws IOException {
        SerializedObject<?> payload = upcastFromStore("1");
        JourneyDisclosed read = SERIALIZER.deserialize(payload);

        JourneyDisclosed fixture = JourneyFixtures.journeyDisclosed();
        assertThat(payload.getType().getRevision()).isEqualTo("2");
        assertThat(read.grounds()).isEmpty();
        assertThat(read.policyVersion()).isEqualTo("2026.11-1");
        assertThat(read).usingRecursiveComparison().ignoringFields("grounds", "policyVersion").isEqualTo(fixture);
    }

    @Test
    void leavesARevisionTwoRecordAlone() throws IOException {
        assertThat((JourneyDisclosed) SERIALIZER.deserialize(upcastFromStore("2")))
                .isEqualTo(JourneyFixtures.journeyDisclosed());
    }

    /** The approved JSON of this revision, stored as the event store stores it, read through the upcaster. */
    private static SerializedObject<?> upcastFromStore(String revision) throws IOException {
        byte[] stored;
        try (InputStream in = JourneyDisclosedUpcasterTest.class.getResourceAsStream(
                "/event-schemas/JourneyDisclosed/rev-" + revision + ".json")) {
            stored = in.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("ChildJourney",
                JourneyFixtures.JOURNEY.toString(), 0, "00000000-0000-4000-8000-0000000000c" + revision,
                Instant.parse("2026-11-01T10:00:00Z"), JourneyDisclosed.class.getName(), revision, stored,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new JourneyDisclosedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(row, SERIALIZER))).toList();
        return upcast.get(0).getData();
    }
}
