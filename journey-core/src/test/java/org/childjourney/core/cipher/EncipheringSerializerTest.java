package org.childjourney.core.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ContentErased;
import org.childjourney.core.journey.event.JourneyErased;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The events' content is stored enciphered under its journey's key, opened on the way back, and read as erased once
 * the key is deleted (ADR 0015): against a real key store (H2) and Axon's Jackson serializer.
 */
class EncipheringSerializerTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final JourneyKeys keys = new JourneyKeys(keyStore(), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
            ZoneOffset.UTC));
    private final JacksonSerializer json = JacksonSerializer.builder().objectMapper(JSON).build();
    private final EncipheringSerializer serializer = new EncipheringSerializer(json, keys);
    private final OpeningUpcaster opening = new OpeningUpcaster(keys);

    @Test
    void storesNoPersonalValueOfTheChild() {
        byte[] stored = serializer.serialize(attendance(), byte[].class).getData();

        String text = new String(stored, StandardCharsets.UTF_8);
        assertThat(JourneyCipher.enciphered(stored)).isTrue();
        assertThat(text).contains(JourneyFixtures.JOURNEY.toString());
        for (String personal : JourneyFixtures.personalData()) {
            assertThat(text).doesNotContain(personal);
        }
    }

    @Test
    void opensTheStoredEventBackAsItWas() {
        SerializedObject<byte[]> stored = serializer.serialize(attendance(), byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(attendance());
        assertThat((Object) json.deserialize(opened(stored))).isEqualTo(attendance());
    }

    @Test
    void readsAnErasedJourneysEventsAsErasedAndMakesItNoKeyAgain() {
        SerializedObject<byte[]> stored = serializer.serialize(attendance(), byte[].class);

        keys.erase(JourneyFixtures.JOURNEY.toString());

        assertThat(keys.erased(JourneyFixtures.JOURNEY.toString())).isTrue();
        assertThat((Object) json.deserialize(opened(stored))).isEqualTo(new ContentErased(JourneyFixtures.JOURNEY));
        assertThatThrownBy(() -> serializer.serialize(attendance(), byte[].class))
                .isInstanceOf(JourneyKeys.JourneyErasedException.class);
        assertThatThrownBy(() -> serializer.deserialize(stored)).isInstanceOf(JourneyKeys.JourneyErasedException.class);
    }

    @Test
    void keepsTheErasureAndTheDisclosureRecordsInClear() {
        JourneyErased erased = JourneyFixtures.journeyErased();

        assertThat(JourneyCipher.enciphered(serializer.serialize(erased, byte[].class).getData())).isFalse();
        assertThat(JourneyCipher.enciphered(
                serializer.serialize(JourneyFixtures.journeyDisclosed(), byte[].class).getData())).isFalse();
    }

    @Test
    void refusesAnEnvelopeMovedToAnotherTypeOrAltered() {
        SerializedObject<byte[]> stored = serializer.serialize(attendance(), byte[].class);
        SimpleSerializedObject<byte[]> retyped = new SimpleSerializedObject<>(stored.getData(), byte[].class,
                JourneyErased.class.getName(), "1");
        byte[] altered = alteredCiphertext(stored.getData());

        assertThatThrownBy(() -> serializer.deserialize(retyped)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(JourneyFixtures.GIVEN_NAME);
        assertThatThrownBy(() -> serializer.deserialize(
                new SimpleSerializedObject<>(altered, byte[].class, stored.getType())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopsRatherThanReadAJourneyTheKeyStoreNeverKnew() {
        SerializedObject<byte[]> stored = serializer.serialize(attendance(), byte[].class);
        JourneyKeys anotherStore = new JourneyKeys(keyStore(), Clock.systemUTC());

        assertThatThrownBy(() -> new OpeningUpcaster(anotherStore).upcast(Stream.of(initial(stored))).toList())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key");
    }

    /** The envelope with one byte of its ciphertext changed, its Base64 made again. */
    private static byte[] alteredCiphertext(byte[] envelope) {
        String text = new String(envelope, StandardCharsets.US_ASCII);
        int start = text.indexOf("\"data\":\"") + "\"data\":\"".length();
        int end = text.lastIndexOf('"');
        byte[] data = Base64.getDecoder().decode(text.substring(start, end));
        data[data.length / 2] ^= 1;
        return (text.substring(0, start) + Base64.getEncoder().encodeToString(data) + text.substring(end))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private SerializedObject<byte[]> opened(SerializedObject<byte[]> stored) {
        List<IntermediateEventRepresentation> upcast = opening.upcast(Stream.of(initial(stored))).toList();
        assertThat(upcast).hasSize(1);
        IntermediateEventRepresentation event = upcast.get(0);
        return new SimpleSerializedObject<>(event.getData(byte[].class).getData(), byte[].class, event.getType());
    }

    private InitialEventRepresentation initial(SerializedObject<byte[]> stored) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("ChildJourney",
                JourneyFixtures.JOURNEY.toString(), 0, UUID.randomUUID().toString(), Instant.EPOCH,
                stored.getType().getName(), stored.getType().getRevision(), stored.getData(),
                json.serialize(org.axonframework.messaging.MetaData.emptyInstance(), byte[].class).getData()), json);
    }

    private static AeAttendanceRecorded attendance() {
        return (AeAttendanceRecorded) JourneyFixtures.recordAeAttendance().entry();
    }

    private static JdbcDataSource keyStore() {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return store;
    }
}
