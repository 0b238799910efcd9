package org.childjourney.query.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.childjourney.core.journey.event.JourneyDisclosed;

/**
 * Reads a {@link JourneyDisclosed} of revision 1 as revision 2: the reads decided before policy 2026.12-1 rested
 * on no recorded ground, and are read with {@code grounds: []}. Nothing stored is rewritten.
 */
public final class JourneyDisclosedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(JourneyDisclosed.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(JourneyDisclosed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, JourneyDisclosedUpcaster::withoutGrounds);
    }

    /** A revision 1 record's JSON as revision 2: the same, with no grounds. */
    public static JsonNode withoutGrounds(JsonNode revision1) {
        ObjectNode revision2 = revision1.deepCopy();
        revision2.putArray("grounds");
        return revision2;
    }
}
