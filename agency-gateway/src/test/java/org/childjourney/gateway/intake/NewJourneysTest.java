package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.childjourney.core.cipher.CountedKeyStore;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.journey.ChildJourneyId;
import org.junit.jupiter.api.Test;

/** New children's journeys are given from those made ahead with their keys, against a real key store (H2). */
class NewJourneysTest {

    private final CountedKeyStore store = new CountedKeyStore();
    private final JourneyKeys keys = new JourneyKeys(store.dataSource(), Clock.systemUTC());

    @Test
    void newJourneysBeginWithKeysMadeAheadInOneWriteAndMoreAreMadeWhenNoneIsLeft() throws SQLException {
        NewJourneys newJourneys = new NewJourneys(keys);
        Set<ChildJourneyId> given = new HashSet<>();
        int before = store.writes();

        for (int child = 0; child < NewJourneys.MADE_AHEAD; child++) {
            ChildJourneyId journey = newJourneys.next();
            keys.toEncipher(journey.toString());
            given.add(journey);
        }
        assertThat(store.writes() - before).as("one write for all of their keys").isEqualTo(1);
        given.add(newJourneys.next());

        assertThat(given).hasSize(NewJourneys.MADE_AHEAD + 1);
        assertThat(store.writes() - before).as("more made when none was left").isEqualTo(2);
        assertThat(store.keys()).isEqualTo(2L * NewJourneys.MADE_AHEAD);
    }
}
