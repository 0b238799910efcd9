package org.childjourney.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the query API reads the store past a processor's token, on an H2 store of a thousand events. */
class EventStoreConfigurationTest {

    private Connection store;

    @BeforeEach
    void aThousandEvents() throws SQLException {
        store = DriverManager.getConnection("jdbc:h2:mem:gaps-" + System.nanoTime());
        try (Statement ddl = store.createStatement()) {
            ddl.execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY, eventIdentifier VARCHAR(36),"
                    + " timeStamp VARCHAR(32), payloadType VARCHAR(255), payloadRevision VARCHAR(255),"
                    + " payload VARBINARY(100), metaData VARBINARY(100), type VARCHAR(255),"
                    + " aggregateIdentifier VARCHAR(36), sequenceNumber BIGINT)");
            ddl.execute("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier)"
                    + " SELECT X, 'event-' || X FROM SYSTEM_RANGE(1, 1000)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
    }

    @Test
    void readsTheGapsAndTheNextEventsInTheStoresOrder() throws SQLException {
        List<Long> read = new ArrayList<>();
        try (PreparedStatement query = EventStoreConfiguration.readEventDataWithGaps(store, new EventSchema(), 6, 2,
                List.of(2L, 4L)); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                read.add(rows.getLong("globalIndex"));
            }
        }

        assertThat(read).containsExactly(2L, 4L, 7L, 8L);
    }

    @Test
    void readsNoMoreOfTheStoreThanTheGapsAndTheNextEvents() throws SQLException {
        String plan;
        try (PreparedStatement explain = store.prepareStatement("EXPLAIN ANALYZE "
                + EventStoreConfiguration.eventsAfterAndAt(new EventSchema(), 2))) {
            explain.setLong(1, 6);
            explain.setLong(2, 8);
            explain.setLong(3, 2);
            explain.setLong(4, 4);
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                plan = rows.getString(1);
            }
        }

        assertThat(Pattern.compile("scanCount: (\\d+)").matcher(plan).results()
                .mapToInt(count -> Integer.parseInt(count.group(1))).sum()).as(plan).isLessThanOrEqualTo(8);
    }
}
