package org.childjourney.query.search;

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
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A search decides before it loads any timeline, and does the same work for a known and an unknown number: the
 * same calls to the event store (every SQL statement the request's thread prepares) and to the read models (every
 * MongoDB command it sends), with a journey of a thousand entries behind the known number. The refused reader's
 * two answers are the same too. Recorded per request thread, so that the projections' own work does not count.
 */
@Import(SearchWorkIT.StoreCalls.class)
class SearchWorkIT extends QueryApiIT {

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

    @Test
    void aKnownAndAnUnknownNumberCostTheSameCallsToTheStores() {
        String known = FictionalNhsNumbers.next();
        JourneyStories story = new JourneyStories(eventStore, known);
        for (int i = 0; i < 1_000; i++) {
            story.aeAttendance("2026-11-18T10:00:00Z");
        }
        QueryClient query = new QueryClient(port);
        String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
        String unknown = FictionalNhsNumbers.next();
        String ann = TOKENS.user("auditor.ann", null, "auditor");
        await().atMost(Duration.ofSeconds(60)).until(() -> search(query, ann, "case-review", known).raw()
                .contains(story.journeyId().toString()));
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
