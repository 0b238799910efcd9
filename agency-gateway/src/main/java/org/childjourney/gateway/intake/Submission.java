package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.person.HouseholdAdult;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * A submission that passed validation, not yet placed on a journey.
 *
 * @param sensitivity      how sensitive the entry is: as the agency says ({@code none} when it says nothing), or as
 *                         its type always is ({@link EntryType#sensitivity})
 * @param subjects         the child it is about, or for a household submission each child in the household it names
 * @param household        for a household submission naming an earlier household instead of its children, that
 *                         household's reference; {@code null} otherwise
 * @param adults           for a household submission the adults it names (perhaps none); {@code null} otherwise
 * @param reference        the earlier entry it decides on, corrects or retracts, if any
 * @param correctedDetails for a correction: the corrected details, checked against the target's type once the
 *                         target is known
 * @param details          the type's details, each field's checked value by the field's name ({@link EntryField})
 */
record Submission(String sourceRecordId, EntryType type, Instant occurredAt, Sensitivity sensitivity,
        List<Subject> subjects, @Nullable UUID household, @Nullable List<HouseholdAdult> adults, Consent consent,
        @Nullable EntryReference reference, @Nullable ObjectNode correctedDetails, Map<String, Object> details) {

    /** Whether it is a household submission, recorded once for each child in it. */
    boolean forHousehold() {
        return adults != null;
    }

    /** For a consent record or withdrawal: the kind of agency it is about, or all. */
    @Nullable ConsentScope consentScope() {
        return details.get("scope") instanceof ConsentScope scope ? scope : null;
    }

    /**
     * The entry, once its journey, its id and the entry it refers to are settled.
     *
     * @param correctedDetails for a correction: its details as checked against the corrected entry's type
     */
    JourneyEntry entry(EntryHeader header, @Nullable EntryId referenced, @Nullable String correctedDetails) {
        return EntryField.entry(type.entryRecord(), header.journeyId(), header.entryId(), header.provenance(),
                header.subject(), header.consent(), field -> switch (field.role()) {
                    case VALUE -> details.get(field.name());
                    case REFERENCE -> referenced;
                    case IN_TARGETS_SHAPE -> Sensitive.ofNullable(correctedDetails);
                });
    }

    /** Names the type only: a submission holds the child's identifiers and the agency's free text. */
    @Override
    public String toString() {
        return "Submission[type=" + type.wireName() + "]";
    }
}
