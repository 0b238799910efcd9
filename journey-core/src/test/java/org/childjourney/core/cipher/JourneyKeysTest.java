package org.childjourney.core.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The keys of journeys not begun yet are made ahead, many in one write to a real key store (H2). */
class JourneyKeysTest {

    private final JdbcDataSource store = new JdbcDataSource();
    private final AtomicInteger connections = new AtomicInteger();

    JourneyKeysTest() {
        store.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void keysMadeAheadTakeOneWriteAndTheirJourneysNeedTheStoreNoMoreToEncipher() throws SQLException {
        JourneyKeys keys = new JourneyKeys(counted(), Clock.systemUTC());
        List<String> journeys = Stream.generate(() -> UUID.randomUUID().toString()).limit(50).toList();
        int opened = connections.get();

        keys.makeAhead(journeys);
        journeys.forEach(keys::toEncipher);

        assertThat(connections.get() - opened).as("one write for all of them, no read").isEqualTo(1);
        assertThat(storedKeys()).isEqualTo(journeys.size());
    }

    @Test
    void aKeyMadeAheadIsInTheStoreForTheOtherServicesBeforeItsJourneyBegins() {
        JourneyKeys gateway = new JourneyKeys(store, Clock.systemUTC());
        JourneyKeys queryApi = new JourneyKeys(store, Clock.systemUTC());
        String journey = UUID.randomUUID().toString();

        gateway.makeAhead(List.of(journey));

        assertThat(queryApi.toDecipher(journey)).contains(gateway.toEncipher(journey));
    }

    private long storedKeys() throws SQLException {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM journey_key WHERE data_key IS NOT NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    private DataSource counted() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
    }
}
