package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.gateway.GatewayClient.Answer;
import org.childjourney.gateway.GatewayClient;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The first submissions about a new child often arrive together (a Friday-afternoon burst, an incident reported
 * by several agencies at once). However they interleave, they make exactly one journey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConcurrentFirstSubmissionsScenarios {

    static final MockKeycloak KEYCLOAK = new MockKeycloak();
    private static final List<String> AGENCIES = List.of("police-east", "hospital-north", "school-parkside",
            "csc-county");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventStore events;

    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
    }

    @RepeatedTest(3)
    void twelveConcurrentFirstSubmissionsFromFourAgenciesMakeExactlyOneJourney() throws Exception {
        GatewayClient gateway = new GatewayClient(port);
        String nhsNumber = Submissions.freshNhsNumber();
        int submissions = 12;
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            String agency = AGENCIES.get(i % AGENCIES.size());
            String token = KEYCLOAK.agencySystem(agency);
            String body = signal(agency, "FIRST-" + UUID.randomUUID(), nhsNumber);
            calls.add(() -> gateway.submit(token, body));
        }
        List<Answer> answers = allAtOnce(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(201));
        List<String> journeys = answers.stream().map(answer -> answer.json().path("journeyId").asText())
                .distinct().toList();
        assertThat(journeys).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(journeys.get(0)).query(Long.class).single()).isEqualTo(submissions);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(journeys.get(0)).query(Long.class).single()).isEqualTo(submissions);
    }

    /** What each agency pushes about a child it meets: its own kind of signal. */
    private static String signal(String agency, String id, String nhsNumber) {
        return switch (agency) {
            case "police-east" -> Submissions.domesticAbuse(id, nhsNumber);
            case "hospital-north" -> Submissions.aeAttendance(id, nhsNumber);
            case "school-parkside" -> Submissions.schoolConcern(id, nhsNumber);
            default -> Submissions.contact(id, nhsNumber);
        };
    }

    /**
     * Resends racing their original about a known child: each loser appends its entry through the cached journey,
     * then loses on the idempotency key and rolls back. The cached journey must not keep those entries, or the
     * next submission's entry would take a sequence number beyond a gap.
     */
    @RepeatedTest(3)
    void resendsRacingTheirOriginalLeaveNothingBehindInTheCachedJourney() throws Exception {
        GatewayClient gateway = new GatewayClient(port);
        String police = KEYCLOAK.agencySystem("police-east");
        String nhsNumber = Submissions.freshNhsNumber();
        String journeyId = gateway.submit(police, Submissions.domesticAbuse("KNOWN-" + UUID.randomUUID(), nhsNumber))
                .json().path("journeyId").asText();
        String resent = Submissions.domesticAbuse("RACE-" + UUID.randomUUID(), nhsNumber);
        List<Answer> answers = allAtOnce(Collections.nCopies(6, () -> gateway.submit(police, resent)));
        Answer after = gateway.submit(police, Submissions.domesticAbuse("AFTER-" + UUID.randomUUID(), nhsNumber));

        assertThat(answers).extracting(Answer::status).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(answers).extracting(answer -> answer.json().path("entryId").asText()).containsOnly(
                answers.get(0).json().path("entryId").asText());
        assertThat(after.status()).as(after.raw()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber").param(journeyId).query(Long.class).list())
                .containsExactly(0L, 1L, 2L);
    }

    /**
     * Households about the same new children sent at once: one household four times (a resend race) and four other
     * households, each naming the children in an order of its own. Each household is recorded once, whole, and each
     * child has one journey, and no two transactions deadlocked on the way (the children are placed in one order,
     * whatever order each names them in).
     */
    @RepeatedTest(3)
    void concurrentHouseholdsSharingChildrenAreEachRecordedOnceAndWholeOnOneJourneyPerChild() throws Exception {
        GatewayClient gateway = new GatewayClient(port);
        String police = KEYCLOAK.agencySystem("police-east");
        List<String> children = List.of(Submissions.freshNhsNumber(), Submissions.freshNhsNumber(),
                Submissions.freshNhsNumber());
        String resent = Submissions.householdNotification("HOUSE-" + UUID.randomUUID(), children.toArray(String[]::new));
        List<Callable<Answer>> calls = new ArrayList<>(Collections.nCopies(4, () -> gateway.submit(police, resent)));
        for (List<Integer> order : List.of(List.of(1, 2, 0), List.of(2, 0, 1), List.of(2, 1, 0), List.of(1, 0, 2))) {
            String other = Submissions.householdNotification("OTHER-" + UUID.randomUUID(),
                    order.stream().map(children::get).toArray(String[]::new));
            calls.add(() -> gateway.submit(police, other));
        }
        double deadlocksBefore = deadlocks();

        List<Answer> answers = allAtOnce(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 201));
        assertThat(answers.subList(0, 4)).extracting(Answer::status).containsOnlyOnce(201);
        assertThat(answers.subList(4, 8)).extracting(Answer::status).containsOnly(201);
        List<String> journeys = answers.stream().flatMap(answer -> answer.json().path("journeys")
                .findValuesAsText("journeyId").stream()).distinct().toList();
        assertThat(journeys).hasSize(3);
        for (String journey : journeys) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                    .param(journey).query(Long.class).single()).as("one entry from each of five households")
                    .isEqualTo(5);
        }
        assertThat(deadlocks()).as("transactions that deadlocked and were retried").isEqualTo(deadlocksBefore);
    }

    /**
     * Another process (the query API raising a notice, another gateway) appends to a journey this gateway holds in
     * its cache. The cached journey reads what was appended before it decides the next submission, whose entry then
     * takes the next sequence number at once, instead of colliding with the notice and being tried again.
     */
    @Test
    void aCachedJourneyAppendedToElsewhereCatchesUpBeforeItDecidesInsteadOfColliding() {
        String nhsNumber = Submissions.freshNhsNumber();
        String journeyId = policeNotification(nhsNumber).json().path("journeyId").asText();
        events.publish(new GenericDomainEventMessage<>("ChildJourney", journeyId, 1L, new AgencyNotified(
                UUID.randomUUID().toString(), AgencyCode.of("csc-county"), NoticeKind.ACCESS_NOTICE,
                ChildJourneyId.of(journeyId), List.of(), "A practitioner checked this child's flags.", null)));
        double collisionsBefore = lostRaces("collision");

        Answer next = policeNotification(nhsNumber);

        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber").param(journeyId).query(String.class).list())
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsExactly("DomesticAbuseNotified", "AgencyNotified", "DomesticAbuseNotified");
        assertThat(lostRaces("collision")).as("submissions that collided and were tried again")
                .isEqualTo(collisionsBefore);
    }

    /** A domestic abuse notification about the child, sent by the police on its own. */
    Answer policeNotification(String nhsNumber) {
        return new GatewayClient(port).submit(KEYCLOAK.agencySystem("police-east"),
                Submissions.domesticAbuse("INC-" + UUID.randomUUID(), nhsNumber));
    }

    private double deadlocks() {
        return lostRaces("deadlock");
    }

    private double lostRaces(String cause) {
        Counter counter = meters.find("childjourney.submission.lost.races").tag("cause", cause).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * A new child known to the school and the police by their own ids only, whose first submissions arrive together:
     * matched by demographics, they queue on the blocking keys' locks, so the first opens the journey and the others
     * find it. One journey, and no possible duplicate raised against itself.
     */
    @RepeatedTest(3)
    void concurrentFirstSubmissionsWithoutKnownIdentifiersMakeOneJourneyByDemographics() throws Exception {
        GatewayClient gateway = new GatewayClient(port);
        String school = KEYCLOAK.agencySystem("school-parkside");
        String police = KEYCLOAK.agencySystem("police-east");
        String given = Submissions.freshName();
        String family = Submissions.freshName();
        String born = Submissions.freshDateOfBirth();
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String subject = i % 2 == 0
                    ? Submissions.personByLocalId("school-parkside/upn", "UPN-" + UUID.randomUUID(), given, family,
                            born, "ZZ6 6AA")
                    : Submissions.personByLocalId("police-east/person", "P-" + UUID.randomUUID(), given, family,
                            born, "ZZ6 6AA");
            String body = i % 2 == 0 ? Submissions.schoolConcernAbout("SC-" + UUID.randomUUID(), subject)
                    : Submissions.domesticAbuseAbout("INC-" + UUID.randomUUID(), subject);
            String token = i % 2 == 0 ? school : police;
            calls.add(() -> gateway.submit(token, body));
        }

        List<Answer> answers = allAtOnce(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(201));
        List<String> journeys = answers.stream().map(answer -> answer.json().path("journeyId").asText())
                .distinct().toList();
        assertThat(journeys).as("one child, one journey").hasSize(1);
        assertThat(jdbc.sql("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(journeys.get(0)).query(String.class).list())
                .as("six entries, no task (the child born %s)", born)
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsOnly("SchoolConcernRaised", "DomesticAbuseNotified")
                .hasSize(6);
    }

    /** Sends the calls at the same moment (a barrier releases them together); their answers, in order. */
    private static List<Answer> allAtOnce(List<Callable<Answer>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pool.invokeAll(calls.stream().<Callable<Answer>>map(call -> () -> {
                start.await();
                return call.call();
            }).toList())) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
