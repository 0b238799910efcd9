package org.childjourney.core.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.childjourney.core.MovableClock;
import org.junit.jupiter.api.Test;

/** The keys of journeys not begun yet are made ahead, many in one write to a real key store (H2). */
class JourneyKeysTest {

    private final CountedKeyStore store = new CountedKeyStore();

    @Test
    void keysMadeAheadTakeOneWriteAndTheirJourneysNeedTheStoreNoMoreToEncipher() throws SQLException {
        JourneyKeys keys = new JourneyKeys(store.dataSource(), Clock.systemUTC());
        List<String> journeys = journeys(50);
        int writes = store.writes();
        int connections = store.connections();

        keys.makeAhead(journeys);
        journeys.forEach(keys::toEncipher);

        assertThat(store.writes() - writes).as("one write for all of them").isEqualTo(1);
        assertThat(store.connections() - connections).as("and no read").isEqualTo(1);
        assertThat(store.keys()).isEqualTo(journeys.size());
    }

    @Test
    void aKeyMadeAheadIsKeptUntilItsJourneyBeginsHoweverLongThatTakes() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
        JourneyKeys keys = new JourneyKeys(store.dataSource(), clock);
        List<String> journeys = journeys(2);
        keys.makeAhead(journeys);
        int connections = store.connections();

        clock.advance(JourneyKeys.HELD.multipliedBy(3));
        keys.toEncipher(journeys.get(1));

        assertThat(store.connections()).as("no read, no write").isEqualTo(connections);
    }

    @Test
    void aKeyMadeAheadIsInTheStoreForTheOtherServicesBeforeItsJourneyBegins() {
        JourneyKeys gateway = new JourneyKeys(store.dataSource(), Clock.systemUTC());
        JourneyKeys queryApi = new JourneyKeys(store.dataSource(), Clock.systemUTC());
        String journey = UUID.randomUUID().toString();

        gateway.makeAhead(List.of(journey));

        assertThat(queryApi.toDecipher(journey)).contains(gateway.toEncipher(journey));
    }

    @Test
    void keysMadeAheadThatCannotAllBeStoredAreNoneOfThemStoredOrKept() throws SQLException {
        JourneyKeys keys = new JourneyKeys(store.dataSource(), Clock.systemUTC());
        String taken = UUID.randomUUID().toString();
        keys.makeAhead(List.of(taken));
        List<String> journeys = new ArrayList<>(journeys(3));
        journeys.add(taken);

        assertThatThrownBy(() -> keys.makeAhead(journeys)).isInstanceOf(JourneyKeys.KeyStoreUnavailable.class);

        assertThat(store.keys()).as("only the first").isEqualTo(1);
        JourneyKeys elsewhere = new JourneyKeys(store.dataSource(), Clock.systemUTC());
        assertThatThrownBy(() -> elsewhere.toDecipher(journeys.get(0))).isInstanceOf(IllegalStateException.class);
        keys.toEncipher(journeys.get(0));
        assertThat(store.keys()).as("made when its journey began, not kept from the failed write").isEqualTo(2);
    }

    private static List<String> journeys(int count) {
        return Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
    }
}
