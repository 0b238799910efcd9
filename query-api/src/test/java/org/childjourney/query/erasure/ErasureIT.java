package org.childjourney.query.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure (ADR 0015, docs/erasure.md) through the API: an administrator erases a journey recorded about the wrong
 * child; afterwards the event store (as a logical backup would copy it), the ledger and the read store hold nothing
 * of the child, neither values nor digests, the key is gone, the chain still verifies, auditors see that the record
 * existed and was erased, by whom and why, and everyone else is refused as for any journey.
 */
class ErasureIT extends QueryApiIT {

    private static final String REASON = "Fictional: recorded against the wrong child, confirmed by the hub";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MongoDatabase readModels;
    @Autowired
    JourneyKeys keys;
    @Autowired
    IdentifierDigests digests;

    QueryClient query;
    JourneyStories story;
    String nhsNumber;
    String ann;
    String ada;
    String sarah;

    @BeforeEach
    void aChildKnownToSeveralAgencies() {
        query = new QueryClient(port);
        nhsNumber = FictionalNhsNumbers.next();
        story = new JourneyStories(eventStore, nhsNumber);
        ann = TOKENS.user("auditor.ann", null, "auditor");
        ada = TOKENS.user("admin.ada", null, "admin");
        sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    }

    @Test
    void anErasedJourneyLeavesNothingOfTheChildButTheRecordThatItExistedAndWasErased() {
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.contact("2026-11-21T08:30:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        JourneyStories namesake = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        namesake.aeAttendance("2026-11-20T10:00:00Z");
        String task = story.possibleDuplicate(namesake);
        List<String> childsDigests = theLedgerAsTheGatewayKeepsIt();
        String journey = story.journeyId().toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> query.get(timeline(), sarah, "child-in-need").json()
                .path("entries").size() == 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> frontDoorPagesHolding(journey) == 1);
        assertThat(readStore()).as("before: the timeline's details, the identifier's digest")
                .contains("Hungry most mornings", digests.ofNhsNumber(NhsNumber.of(nhsNumber)).orElseThrow());
        assertThat(readModels.getCollection("possible_duplicates").countDocuments(new Document("_id", task)))
                .isEqualTo(1);

        assertThat(query.post(erasure(), sarah, Map.of(), body("wrong-child")).status()).as("admins only")
                .isEqualTo(403);
        Answer invalid = query.post(erasure(), ada, Map.of(), body("no-longer-wanted"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field")).containsExactly("ground");
        assertThat(query.post("/api/v1/journeys/" + UUID.randomUUID() + "/erasure", ada, Map.of(),
                body("wrong-child")).status()).as("a journey the record does not hold").isEqualTo(403);

        Answer undecided = query.post(erasure(), ada, Map.of(), body("wrong-child"));
        assertThat(undecided.status()).as("the hub decides the possible duplicate first").isEqualTo(409);
        String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
        assertThat(query.post("/api/v1/journeys/" + story.journeyId() + "/possible-duplicates/" + task, mo, Map.of(),
                "{\"decision\":\"different-children\",\"evidence\":\"Fictional: different given names confirmed\"}")
                .status()).isEqualTo(201);

        Answer erased = query.post(erasure(), ada, Map.of(), body("wrong-child"));

        assertThat(erased.status()).as(erased.raw()).isEqualTo(202);
        assertThat(erased.headers().firstValue("Location")).contains(erasure());
        assertThat(erased.json().path("erasedBy").asText()).isEqualTo("admin.ada");
        assertThat(theLedgersRowsOf(journey)).as("forgotten with the erasure, in its transaction").isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> query.get(erasure(), ann, Map.of()).json()
                .path("keyDeleted").asBoolean());
        await().atMost(Duration.ofSeconds(20)).until(() -> readModels.getCollection("timelines")
                .countDocuments(new Document("_id", journey)) == 0);

        assertThat(keys.erased(journey)).isTrue();
        assertThat(theLedgersRowsOf(journey)).isZero();
        String backup = eventStoreAsABackupCopiesIt();
        assertThat(backup).contains(journey).doesNotContain(nhsNumber, "P-" + nhsNumber, "Amy", "Example", "Fall",
                "Hungry most mornings", "Concerns from several agencies").doesNotContain(childsDigests);
        // Not "Fall": the namesake, whose record stands, was seen for one too.
        assertThat(readStore()).doesNotContain(nhsNumber, "Amy", "Example", "Hungry most mornings",
                "Concerns from several agencies")
                .doesNotContain(childsDigests);
        assertThat(frontDoorPagesHolding(journey)).as("the contact awaiting the hub").isZero();
        assertThat(readModels.getCollection("access_log").countDocuments(new Document("_id", journey)))
                .as("the journey's reads stay in the disclosure log").isOne();
        assertThat(readModels.getCollection("possible_duplicates").countDocuments(new Document("_id", task)))
                .as("the namesake's task about the erased journey").isZero();
        assertThat(query.get("/api/v1/journeys/" + namesake.journeyId() + "/timeline", ann,
                Map.of("X-Purpose", "case-review")).status()).as("the namesake's record stands").isEqualTo(200);

        Answer auditorsRead = query.get(timeline(), ann, Map.of("X-Purpose", "case-review"));
        assertThat(auditorsRead.status()).isEqualTo(410);
        assertThat(auditorsRead.json().path("erasedBy").asText()).isEqualTo("admin.ada");
        assertThat(auditorsRead.json().path("ground").asText()).isEqualTo("wrong-child");
        assertThat(auditorsRead.json().path("reason").asText()).isEqualTo(REASON);
        Answer record = query.get(erasure(), ann, Map.of());
        assertThat(record.json().path("erasedAt").asText()).isNotBlank();
        assertThat(record.json().path("reason").asText()).isEqualTo(REASON);
        Answer refused = query.get(timeline(), sarah, "child-in-need");
        String unknownJourney = UUID.randomUUID().toString();
        Answer unknown = query.get("/api/v1/journeys/" + unknownJourney + "/timeline", sarah, "child-in-need");
        assertThat(refused.status()).isEqualTo(unknown.status()).isEqualTo(403);
        assertThat(refused.raw()).isEqualTo(unknown.raw().replace(unknownJourney, journey));
        assertThat(query.get("/api/v1/audit/disclosures?journeyId=" + journey, ann, Map.of()).json()
                .path("items").findValuesAsText("viewer"))
                .as("the reads before the erasure stay recorded").contains("sw.sarah");
        assertThat(query.post(erasure(), ada, Map.of(), body("court-order")).status()).as("erased once")
                .isEqualTo(409);
        assertThat(query.post("/api/v1/journeys/" + journey + "/seal", ada, Map.of(), "{\"reason\":\"Fictional\"}")
                .status()).as("an erased journey takes nothing more").isEqualTo(409);
        Answer chain = query.post("/api/v1/admin/chain/verifications", ada, Map.of(), "");
        assertThat(chain.json().path("intact").asBoolean()).as(chain.raw()).isTrue();
    }

    private long frontDoorPagesHolding(String journey) {
        return readModels.getCollection("front_door").countDocuments(new Document("items.journeyId", journey));
    }

    /**
     * What the gateway's ledger keeps of the child for this journey, as it writes it (identifier digests,
     * demographic features, a blocking key, a submission's content digest): the digests, to look for afterwards.
     */
    private List<String> theLedgerAsTheGatewayKeepsIt() {
        Subject subject = new Subject(NhsNumber.of(nhsNumber), new LocalId("police-east/person",
                Sensitive.of("P-" + nhsNumber)), Sensitive.of("Amy"), Sensitive.of("Example"), null, null);
        Agency police = JourneyStories.POLICE;
        List<String> childsDigests = new ArrayList<>(digests.of(police, subject));
        String feature = "f".repeat(32) + nhsNumber.substring(0, 10) + "e".repeat(22);
        String description = "d".repeat(32) + nhsNumber.substring(0, 10) + "c".repeat(22);
        String content = "a".repeat(32) + nhsNumber.substring(0, 10) + "b".repeat(22);
        String household = "4".repeat(32) + nhsNumber.substring(0, 10) + "8".repeat(22);
        childsDigests.addAll(List.of(feature, description, content, household));
        UUID journey = story.journeyId().value();
        transactions.executeWithoutResult(status -> {
            for (String digest : digests.of(police, subject)) {
                jdbc.sql("INSERT INTO journey_identifier (digest, journey_id) VALUES (?, ?)").params(digest, journey)
                        .update();
            }
            jdbc.sql("INSERT INTO journey_feature (journey_id, description, kind, digest) VALUES (?, ?, ?, ?)")
                    .params(journey, description, "DATE_OF_BIRTH", feature).update();
            jdbc.sql("INSERT INTO match_block (digest) VALUES (?)").param(feature).update();
            // A household submission noted on a sibling's journey, naming this child second.
            jdbc.sql("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type,"
                    + " journey_id, entry_id, household_reference) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params("police-east", "HH-" + journey, household, "domestic-abuse-notification",
                            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).update();
            jdbc.sql("INSERT INTO intake_household_entry (entry_id, agency, source_record_id, child, journey_id)"
                    + " VALUES (?, ?, ?, ?, ?)").params(UUID.randomUUID(), "police-east", "HH-" + journey, 1, journey)
                    .update();
            jdbc.sql("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type,"
                    + " journey_id, entry_id) VALUES (?, ?, ?, ?, ?, ?)")
                    .params("police-east", "SRC-" + journey, content, "domestic-abuse-notification", journey,
                            UUID.randomUUID()).update();
            jdbc.sql("INSERT INTO journey_ledger (journey_id) VALUES (?)").param(journey).update();
        });
        return childsDigests;
    }

    private long theLedgersRowsOf(String journey) {
        UUID id = UUID.fromString(journey);
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM journey_identifier WHERE journey_id = :id)"
                + " + (SELECT COUNT(*) FROM journey_feature WHERE journey_id = :id)"
                + " + (SELECT COUNT(*) FROM intake_submission WHERE journey_id = :id)"
                + " + (SELECT COUNT(*) FROM journey_ledger WHERE journey_id = :id)"
                + " + (SELECT COUNT(*) FROM intake_household_entry WHERE journey_id = :id)").param("id", id)
                .query(Long.class).single();
    }

    /** The embedded event store as H2's backup statement writes it: every row of every table, as SQL. */
    private String eventStoreAsABackupCopiesIt() {
        List<String> script = transactions.execute(status -> jdbc.sql("SCRIPT").query(String.class).list());
        return String.join("\n", script);
    }

    /** Every document of every read-model collection, as JSON. */
    private String readStore() {
        StringBuilder all = new StringBuilder();
        for (String name : readModels.listCollectionNames()) {
            readModels.getCollection(name).find().forEach(document -> all.append(document.toJson()).append('\n'));
        }
        return all.toString();
    }

    private String timeline() {
        return "/api/v1/journeys/" + story.journeyId() + "/timeline";
    }

    private String erasure() {
        return "/api/v1/journeys/" + story.journeyId() + "/erasure";
    }

    private static String body(String ground) {
        return "{\"ground\":\"" + ground + "\",\"reason\":\"" + REASON + "\"}";
    }
}
