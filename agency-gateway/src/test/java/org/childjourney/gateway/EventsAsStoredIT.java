package org.childjourney.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.childjourney.core.cipher.EncipheringSerializer;
import org.childjourney.core.cipher.JourneyCipher;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.journey.JourneyFixtures;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events as the gateway really stores them: every fixture event through the service's own Axon event serializer
 * (Spring's ObjectMapper, as configured here) gives exactly the JSON approved in journey-core's
 * {@code event-schemas/}, under the type name and revision the approved file stands for, and reads back as the same
 * event. {@code EventSchemaTest} checks the same files against a copy of the mapper's settings; this checks the
 * real one. A journey's events are stored enciphered under its key (ADR 0015): their approved JSON is what the
 * envelope opens to.
 */
@SpringBootTest
class EventsAsStoredIT {

    private static final MockKeycloak KEYCLOAK = new MockKeycloak();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    JourneyKeys keys;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static Stream<Named<Object>> everyEvent() {
        return JourneyFixtures.everyEvent().stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void theServiceStoresEachEventAsApproved(Object event) throws IOException {
        SerializedObject<String> stored = serializer.serialize(event, String.class);
        String revision = event.getClass().getAnnotation(Revision.class).value();

        assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(stored.getType().getRevision()).isEqualTo(revision);
        byte[] bytes = stored.getData().getBytes(StandardCharsets.UTF_8);
        assertThat(JourneyCipher.enciphered(bytes)).as("enciphered").isEqualTo(EncipheringSerializer.enciphers(event));
        byte[] clear = new JourneyCipher().inClear(bytes, stored.getType().getName(), keys);
        assertThat(JSON.readTree(clear)).isEqualTo(approved(event.getClass(), revision));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    private static JsonNode approved(Class<?> type, String revision) throws IOException {
        String path = "/event-schemas/" + type.getSimpleName() + "/rev-" + revision + ".json";
        try (InputStream file = EventsAsStoredIT.class.getResourceAsStream(path)) {
            assertThat(file).as("approved %s", path).isNotNull();
            return JSON.readTree(file);
        }
    }
}
