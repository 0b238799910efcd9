package org.childjourney.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.person.KeyedDigest;
import org.childjourney.gateway.config.GatewayProperties;
import org.springframework.stereotype.Component;

/**
 * One entry per agency and source record id: a resend of the same content is answered with the first receipt, the
 * same id with different content is a conflict. Content is compared by keyed digest of its canonical JSON (fields
 * in order of name), so a resend is recognised whatever order the agency's system writes its fields in, and the
 * ledger holds no child data.
 */
@Component
class Idempotency {

    private final IntakeLedger ledger;
    private final KeyedDigest digest;
    private final ObjectMapper canonical = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    Idempotency(IntakeLedger ledger, GatewayProperties properties) {
        this.ledger = ledger;
        this.digest = new KeyedDigest(properties.digestKeyBytes());
    }

    /** The digest of a submission's content. */
    String contentDigest(JsonNode body) {
        try {
            return digest.ofContent(canonical.writeValueAsString(canonical.treeToValue(body, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed submission could not be written back as JSON", e);
        }
    }

    /**
     * The answer of the submission taken before under the same key, if any: for a household submission, every
     * child's entry.
     *
     * @throws SubmissionConflict if the key was taken for different content
     */
    Optional<Acknowledgement> earlier(AgencyCode agency, String sourceRecordId, String contentDigest) {
        return ledger.submission(agency, sourceRecordId).map(earlier -> {
            if (!earlier.contentDigest().equals(contentDigest)) {
                throw new SubmissionConflict();
            }
            return earlier.household() == null
                    ? new Receipt(earlier.journeyId(), earlier.entryId(), earlier.recordedAt(), false)
                    : new HouseholdReceipt(ledger.household(agency, sourceRecordId), earlier.household(),
                            earlier.recordedAt(), false);
        });
    }
}
