package org.childjourney.query.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.bson.Document;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.person.Household;

/**
 * How each entry's details read on the timeline, in the contract's shape; its one-line summary is the entry's own
 * ({@link JourneyEntry#summary()}).
 */
final class EntryRendering {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A details field's name as the contract spells them: letters and digits, starting with a letter. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private EntryRendering() {
    }

    /** The entry's details in the contract's shape: each of its type's fields, as the contract writes it. */
    static Document details(JourneyEntry event) {
        Document details = new Document();
        for (EntryField field : EntryField.of(event.getClass())) {
            Object value = field.valueIn(event);
            if (field.role() != EntryField.Role.IN_TARGETS_SHAPE && value != null) {
                details.append(field.wireName(), field.toWire(value));
            }
        }
        return details;
    }

    /**
     * The household a household submission recorded the child in, as the timeline shows it: its reference, how many
     * children it named (each has the entry on their own journey), and the adults with their relationship and the
     * names the agency gave.
     */
    static Document household(Household household) {
        return new Document("reference", household.reference().toString())
                .append("children", household.children())
                .append("adults", household.adults().stream().map(adult -> new Document("relationship",
                                EntryField.kebab(adult.relationship()))
                        .append("givenName", adult.givenName() == null ? null : adult.givenName().value())
                        .append("familyName", adult.familyName() == null ? null : adult.familyName().value()))
                        .toList());
    }

    /**
     * A correction's details as the corrected entry now shows them: the fields of the corrected entry's type, which
     * are plain text, true or false. The agency's JSON is read as JSON and never as MongoDB's extended JSON, and
     * anything else in it (nested structure, names MongoDB reserves, from corrections recorded before the gateway
     * kept only the type's fields) is left out, so that no agency text can make a document the store refuses.
     */
    static Document correctedDetails(EntryCorrected correction) {
        Document details = new Document();
        JsonNode corrected;
        try {
            corrected = JSON.readTree(correction.correctedDetails().value());
        } catch (JsonProcessingException unreadable) {
            return details;
        }
        corrected.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (PLAIN_NAME.matcher(field.getKey()).matches() && (value.isTextual() || value.isBoolean())) {
                details.append(field.getKey(), value.isBoolean() ? value.booleanValue() : value.textValue());
            }
        });
        return details;
    }
}
