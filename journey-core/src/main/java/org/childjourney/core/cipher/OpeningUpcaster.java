package org.childjourney.core.cipher;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.childjourney.core.journey.event.ContentErased;

/**
 * First in the upcaster chain, opens each enciphered event ({@link EncipheringSerializer}) so that the upcasters
 * after it, and the serializer, read its JSON. An event of an erased journey, whose key is gone, is read as
 * {@link ContentErased} instead: what it said is lost, that it was an event of the journey is not.
 */
public final class OpeningUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType ERASED = new SimpleSerializedType(ContentErased.class.getName(), "1");

    private final JourneyKeys keys;
    private final JourneyCipher cipher = new JourneyCipher();

    /** Opens with the keys in {@code keys}. */
    public OpeningUpcaster(JourneyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.canConvertDataTo(byte[].class) && JourneyCipher.enciphered(event.getData(byte[].class).getData());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        byte[] stored = event.getData(byte[].class).getData();
        String journeyId = JourneyCipher.journeyOf(stored);
        SecretKey key = keys.toDecipher(journeyId).orElse(null);
        if (key == null) {
            byte[] erased = ("{\"journeyId\":\"" + journeyId + "\"}").getBytes(StandardCharsets.UTF_8);
            return event.upcast(ERASED, byte[].class, any -> erased, metaData -> metaData);
        }
        String type = event.getType().getName();
        return event.upcast(event.getType(), byte[].class, envelope -> cipher.decipher(envelope, type, key),
                metaData -> metaData);
    }
}
