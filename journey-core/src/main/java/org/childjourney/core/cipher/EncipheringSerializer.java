package org.childjourney.core.cipher;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.childjourney.core.journey.event.ContentErased;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.JourneyEvent;

/**
 * The events' serializer, enciphering what a journey's events say about the child (ADR 0015): every event of a
 * journey's stream but its erasure is stored as an envelope ({@link JourneyCipher}) under the journey's key. The
 * disclosure records, which belong to no journey's stream, and the erasure itself stay clear, for the audit trail
 * outlives the content. Read back, an envelope is opened here and, first in the upcaster chain, by
 * {@link OpeningUpcaster}, which also stands in for the events of an erased journey.
 */
public final class EncipheringSerializer implements Serializer {

    private final Serializer json;
    private final JourneyKeys keys;
    private final JourneyCipher cipher = new JourneyCipher();

    /** Enciphers what {@code json} serialises, under the keys in {@code keys}. */
    public EncipheringSerializer(Serializer json, JourneyKeys keys) {
        this.json = json;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!enciphers(object)) {
            return json.serialize(object, expectedRepresentation);
        }
        JourneyEvent event = (JourneyEvent) object;
        SerializedObject<byte[]> clear = json.serialize(object, byte[].class);
        String journeyId = event.journeyId().toString();
        byte[] envelope = cipher.encipher(clear.getData(), journeyId, clear.getType().getName(),
                keys.toEncipher(journeyId));
        return new SimpleSerializedObject<>(getConverter().convert(envelope, expectedRepresentation),
                expectedRepresentation, clear.getType());
    }

    /**
     * Another serializer that enciphers the same way, for the event store to read with. Axon copies a message's
     * serialized form as it was read whenever it is asked to serialize it again with the serializer it was read
     * with: the dead letters (which hold this one) would then store the opened JSON. Read with another instance, an
     * event is serialized again, so enciphered again, wherever it is stored.
     */
    public EncipheringSerializer forReading() {
        return new EncipheringSerializer(json, keys);
    }

    /**
     * Whether an object is stored enciphered: an event of a journey's stream, but not the journey's erasure, nor the
     * stand-in for an erased event (never stored).
     */
    public static boolean enciphers(Object object) {
        return object instanceof JourneyEvent event && event.journeyId() != null && !(object instanceof JourneyErased)
                && !(object instanceof ContentErased);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    /**
     * Opens an envelope read past the upcaster chain (a dead letter, say) before it is deserialised.
     *
     * @throws JourneyKeys.JourneyErasedException if the journey was erased
     */
    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        byte[] stored = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                byte[].class);
        if (!JourneyCipher.enciphered(stored)) {
            return json.deserialize(serializedObject);
        }
        byte[] clear = cipher.inClear(stored, serializedObject.getType().getName(), keys);
        return json.deserialize(new SimpleSerializedObject<>(clear, byte[].class, serializedObject.getType()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
