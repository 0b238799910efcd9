package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.Test;

/**
 * A correction recorded with details that MongoDB would read as its own extended JSON, or refuse as field names,
 * stops nothing: the corrected entry shows the plain fields it can, and every child's timeline, the corrected
 * child's and those recorded after it, goes on being projected. (Such corrections were accepted by the gateway
 * before it kept only the corrected type's fields; they stay in the event store for good.)
 */
class HostileCorrectionIT extends QueryApiIT {

    private static final String HOSTILE = "{\"site\":{\"$date\":\"not a date\"},\"$where\":\"sleep(1000)\","
            + "\"a.b\":\"dotted\",\"presentingComplaint\":\"Fell from a swing\",\"injury\":false,"
            + "\"dischargedAt\":{\"$numberLong\":\"x\"},\"nested\":{\"$oid\":\"zz\"}}";

    @Test
    void aCorrectionWithExtendedJsonInItsDetailsStopsNoTimeline() {
        QueryClient query = new QueryClient(port);
        String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
        JourneyStories corrected = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        EntryId attendance = corrected.aeAttendance("2026-11-18T10:00:00Z");
        corrected.corrected(JourneyStories.HOSPITAL, attendance, HOSTILE);
        corrected.contact("2026-11-21T08:30:00Z");
        JourneyStories later = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        later.contact("2026-11-23T08:30:00Z");

        JsonNode entries = await().atMost(Duration.ofSeconds(30)).until(() -> query.get(
                "/api/v1/journeys/" + corrected.journeyId() + "/timeline", mo, "mash-triage").json().path("entries"),
                found -> found.size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> query.get(
                "/api/v1/journeys/" + later.journeyId() + "/timeline", mo, "mash-triage").json().path("entries"),
                found -> found.size() == 1);

        JsonNode details = entries.get(0).path("details");
        assertThat(entries.get(0).path("status").asText()).isEqualTo("corrected");
        assertThat(details.path("presentingComplaint").asText()).isEqualTo("Fell from a swing");
        assertThat(details.path("injury").asBoolean(true)).isFalse();
        assertThat(details.has("site")).isFalse();
        assertThat(details.has("$where")).isFalse();
        assertThat(details.has("a.b")).isFalse();
        assertThat(details.has("nested")).isFalse();
    }
}
