package org.childjourney.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.journey.event.InboxRead;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A school's system takes its inbox items pushed: each item posted, signed with the school's secret, tried again
 * when the endpoint fails, given up after three attempts (it stays in the inbox) while the school's later items go
 * on. Each attempt is recorded as a read of the inbox.
 */
class WebhooksIT extends QueryApiIT {

    private static final String SECRET = "fictional-webhook-secret-for-tests";
    private static final HttpServer SCHOOL = server();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Answers to give, per delivery id, before 200: how many times the endpoint fails it. */
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storage;

    private record Received(String delivery, String timestamp, String signature, String body) {
    }

    @DynamicPropertySource
    static void schoolEndpoint(DynamicPropertyRegistry registry) {
        registry.add("childjourney.webhooks.agencies.school-parkside.url",
                () -> "http://localhost:" + SCHOOL.getAddress().getPort() + "/childjourney");
        registry.add("childjourney.webhooks.agencies.school-parkside.secret", () -> SECRET);
    }

    @AfterAll
    static void stopTheSchool() {
        SCHOOL.stop(0);
    }

    @Test
    void anItemIsPostedSignedAndTriedAgainUntilTheSchoolTakesIt() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.schoolConcern("2026-11-20T10:00:00Z", ConsentStatus.GIVEN);
        String noticeId = UUID.randomUUID().toString();
        FAILURES.put(noticeId, new AtomicInteger(2));

        String hospitals = UUID.randomUUID().toString();
        raise(story, noticeId, "school-parkside");
        raise(story, hospitals, "hospital-north");

        List<Received> attempts = await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOf(noticeId),
                found -> found.size() == 3);
        Received taken = attempts.get(2);
        assertThat(taken.signature()).isEqualTo("sha256="
                + WebhookDelivery.signature(SECRET, taken.timestamp() + "." + taken.body()));
        assertThat(taken.body()).contains("\"itemId\":\"" + noticeId + "\"", "\"kind\":\"access-notice\"",
                "\"journeyId\":\"" + story.journeyId() + "\"");
        assertThat(attemptsOf(hospitals)).as("only the agency with an endpoint").isEmpty();
        await().atMost(Duration.ofSeconds(15)).until(() -> pushesRecorded(noticeId), recorded -> recorded == 3);
    }

    @Test
    void anItemTheSchoolDoesNotTakeIsGivenUpAfterThreeAttemptsAndTheNextGoesOn() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.schoolConcern("2026-11-20T10:00:00Z", ConsentStatus.GIVEN);
        String down = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        FAILURES.put(down, new AtomicInteger(5));

        raise(story, down, "school-parkside");
        raise(story, later, "school-parkside");

        await().atMost(Duration.ofSeconds(60)).until(() -> attemptsOf(later), found -> !found.isEmpty());
        List<String> order = RECEIVED.stream().map(Received::delivery)
                .filter(delivery -> delivery.equals(down) || delivery.equals(later)).toList();
        assertThat(order).as("three attempts at the one not taken, then the next, in order")
                .containsExactly(down, down, down, later);
        assertThat(FAILURES.get(down).get()).as("two failures it would have given more").isEqualTo(2);
    }

    private void raise(JourneyStories story, String noticeId, String agency) {
        commands.sendAndWait(new RaiseNotice(story.journeyId(), noticeId, AgencyCode.of(agency),
                NoticeKind.ACCESS_NOTICE, List.of(), "A practitioner checked this child's flags.", null));
    }

    private static List<Received> attemptsOf(String delivery) {
        return RECEIVED.stream().filter(received -> received.delivery().equals(delivery)).toList();
    }

    /** The pushes of the item recorded as reads of the school's inbox. */
    private long pushesRecorded(String noticeId) {
        return storage.readEvents(null, false).filter(message -> message.getPayload() instanceof InboxRead read
                && read.itemIds().contains(noticeId) && read.readBy().equals("webhook")).count();
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/childjourney", exchange -> {
                String delivery = exchange.getRequestHeaders().getFirst("X-ChildJourney-Delivery");
                RECEIVED.add(new Received(delivery, exchange.getRequestHeaders().getFirst("X-ChildJourney-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-ChildJourney-Signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                AtomicInteger failures = FAILURES.get(delivery);
                int status = failures != null && failures.getAndDecrement() > 0 ? 503 : 200;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
