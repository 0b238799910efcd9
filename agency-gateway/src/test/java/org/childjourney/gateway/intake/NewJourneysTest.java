package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.journey.ChildJourneyId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** New children's journeys are given from those made ahead, with their keys, against a real key store (H2). */
class NewJourneysTest {

    private final JdbcDataSource store = new JdbcDataSource();

    NewJourneysTest() {
        store.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void eachNewJourneyIsAnotherWithItsKeyStoredAndMoreAreMadeWhenNoneIsLeft() throws SQLException {
        JourneyKeys keys = new JourneyKeys(store, Clock.systemUTC());
        NewJourneys newJourneys = new NewJourneys(keys);
        Set<ChildJourneyId> given = new HashSet<>();

        for (int child = 0; child < NewJourneys.MADE_AHEAD; child++) {
            given.add(newJourneys.next());
        }
        assertThat(storedKeys()).as("made ahead at once").isEqualTo(NewJourneys.MADE_AHEAD);
        given.add(newJourneys.next());

        assertThat(given).hasSize(NewJourneys.MADE_AHEAD + 1);
        assertThat(storedKeys()).as("more made when none was left").isEqualTo(2L * NewJourneys.MADE_AHEAD);
        JourneyKeys queryApi = new JourneyKeys(store, Clock.systemUTC());
        given.forEach(journey -> assertThat(queryApi.toDecipher(journey.toString())).isPresent());
    }

    private long storedKeys() throws SQLException {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM journey_key")) {
            count.next();
            return count.getLong(1);
        }
    }
}
