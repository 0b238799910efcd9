package org.childjourney.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A refusal, and a search, do the same work whether or not the child exists: the same calls to the event store
 * (every SQL statement the request's thread prepares, the one refusal or search record among them) and to the read
 * models (every MongoDB command it sends), with a journey of a thousand entries behind the known one. A search
 * decides before it loads any timeline. Recorded per request thread, so that the projections' own work does not
 * count.
 */
@Import(SameWorkIT.StoreCalls.class)
class SameWorkIT extends QueryApiIT {

    /** Every store call made on a request thread, as "sql: ..." or "mongo: command collection". */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class StoreCalls {

        @Bean
        CommandListener mongoCalls() {
            return new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (onARequestThread()) {
                        CALLS.add("mongo: " + event.getCommandName() + " "
                                + event.getCommand().get(event.getCommandName()));
                    }
                }
            };
        }

        @Bean
        static BeanPostProcessor sqlCalls() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? counting(dataSource, DataSource.class) : bean;
                }
            };
        }

        @SuppressWarnings("unchecked")
        private static <T> T counting(T target, Class<T> type) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                        && onARequestThread()) {
                    CALLS.add("sql: " + sql);
                }
                try {
                    Object result = method.invoke(target, args);
                    return result instanceof Connection connection && method.getName().equals("getConnection")
                            ? counting(connection, Connection.class) : result;
                } catch (InvocationTargetException failed) {
                    throw failed.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        }

        private static boolean onARequestThread() {
            return Thread.currentThread().getName().startsWith("http-nio");
        }
    }

    private static final String KNOWN = FictionalNhsNumbers.next();
    private static JourneyStories story;

    private final String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    private QueryClient query;

    /** A child with a thousand entries, whom the teacher has no ground to read, found by the auditors' search. */
    @BeforeEach
    void aChildWithAThousandEntries() {
        query = new QueryClient(port);
        if (story != null) {
            return;
        }
        story = new JourneyStories(eventStore, KNOWN);
        for (int i = 0; i < 1_000; i++) {
            story.aeAttendance("2026-11-18T10:00:00Z");
        }
        String ann = TOKENS.user("auditor.ann", null, "auditor");
        await().atMost(Duration.ofSeconds(60)).until(() -> search(query, ann, "case-review", KNOWN).raw()
                .contains(story.journeyId().toString()));
    }

    @Test
    void aRefusedReadOfAKnownJourneyCostsWhatOneOfAnUnknownJourneyCosts() {
        String known = "/api/v1/journeys/" + story.journeyId();
        String unknown = "/api/v1/journeys/" + UUID.randomUUID();
        for (String read : List.of("/timeline", "/accesses")) {
            query.get(known + read, tom, "early-help");
            query.get(unknown + read, tom, "early-help");

            CALLS.clear();
            Answer knownAnswer = query.get(known + read, tom, "early-help");
            List<String> knownCalls = List.copyOf(CALLS);
            CALLS.clear();
            Answer unknownAnswer = query.get(unknown + read, tom, "early-help");
            List<String> unknownCalls = List.copyOf(CALLS);

            assertThat(knownAnswer.status()).isEqualTo(unknownAnswer.status()).isEqualTo(403);
            assertThat(knownCalls).as("the calls of a refused %s of a known journey", read)
                    .filteredOn(call -> call.startsWith("sql: INSERT")).hasSize(1);
            assertThat(unknownCalls).as("the calls of a refused %s of an unknown journey", read)
                    .isEqualTo(knownCalls);
        }
    }

    @Test
    void aKnownAndAnUnknownNumberCostTheSameCallsToTheStores() {
        String known = KNOWN;
        String unknown = FictionalNhsNumbers.next();
        search(query, tom, "early-help", known);
        search(query, tom, "early-help", unknown);

        CALLS.clear();
        Answer knownAnswer = search(query, tom, "early-help", known);
        List<String> knownCalls = List.copyOf(CALLS);
        CALLS.clear();
        Answer unknownAnswer = search(query, tom, "early-help", unknown);
        List<String> unknownCalls = List.copyOf(CALLS);

        assertThat(knownAnswer.raw()).isEqualTo(unknownAnswer.raw()).isEqualTo("{\"journeys\":[]}");
        assertThat(knownCalls).as("the calls of a search for a known number").isNotEmpty()
                .anyMatch(call -> call.startsWith("mongo: find"))
                .noneMatch(call -> call.contains("timeline"));
        assertThat(unknownCalls).as("the calls of a search for an unknown number").isEqualTo(knownCalls);
    }

    private static Answer search(QueryClient query, String token, String purpose, String nhsNumber) {
        return query.post("/api/v1/journeys:search", token, Map.of("X-Purpose", purpose),
                "{\"nhsNumber\":\"" + nhsNumber + "\"}");
    }
}
