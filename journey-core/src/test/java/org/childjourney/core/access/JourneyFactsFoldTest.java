package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childjourney.core.journey.JourneyFixtures.JOURNEY;
import static org.childjourney.core.journey.JourneyFixtures.amy;
import static org.childjourney.core.journey.JourneyFixtures.entry;
import static org.childjourney.core.journey.JourneyFixtures.provenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.provenance.Sensitivity;
import org.junit.jupiter.api.Test;

/**
 * A retracted entry takes back what it granted, and a correction makes its entry as sensitive (and as refused) as
 * the correction says: the facts never keep access that rested on an entry its agency withdrew, nor show corrected
 * details under a laxer rule than the correction's.
 */
class JourneyFactsFoldTest {

    private static final Agency CSC = JourneyFixtures.CSC_COUNTY;
    private static final Agency POLICE = JourneyFixtures.POLICE_EAST;
    private static final Agency SCHOOL = JourneyFixtures.SCHOOL_PARKSIDE;
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final JourneyFactsFold fold = new JourneyFactsFold();

    @Test
    void aRetractedStrategyDiscussionClosesItsEnquiry() {
        EntryId discussion = entry(201);
        when(new StrategyDiscussionHeld(JOURNEY, discussion, provenance(CSC), amy(), Consent.notStated(),
                StrategyDecision.S47_ENQUIRY, List.of(POLICE.code()), Sensitive.of("Fictional rationale")));
        assertThat(fold.facts().enquiring(POLICE.code())).isTrue();

        when(retraction(CSC, discussion));

        assertThat(fold.facts().enquiring(POLICE.code())).isFalse();
    }

    @Test
    void aRetractedTeamPlaceInvolvementOrPlanIsTakenBack() {
        EntryId involvement = entry(202);
        EntryId place = entry(203);
        EntryId plan = entry(204);
        when(new InvolvementStarted(JOURNEY, involvement, provenance(CSC), amy(), Consent.notStated(), "worker"));
        when(new TeamMemberAdded(JOURNEY, place, provenance(CSC), amy(), Consent.notStated(), SCHOOL.code(),
                TeamRole.CORE_GROUP, null));
        when(new ChildProtectionPlanStarted(JOURNEY, plan, provenance(CSC), amy(),
                new Consent(ConsentStatus.NOT_REQUIRED, null), PlanCategory.NEGLECT));
        assertThat(fold.facts().leadAgencies()).containsExactly(CSC.code());

        when(retraction(CSC, place));
        assertThat(fold.facts().team()).isEmpty();
        when(retraction(CSC, plan));
        assertThat(fold.facts().childProtectionPlan()).isNull();
        when(retraction(CSC, involvement));
        assertThat(fold.facts().leadAgencies()).isEmpty();
    }

    @Test
    void aCorrectedEntryIsAsSensitiveAndAsRefusedAsItsCorrection() {
        EntryId concern = entry(205);
        when(new SchoolConcernRaised(JOURNEY, concern, provenance(SCHOOL), amy(),
                new Consent(ConsentStatus.GIVEN, null), ConcernCategory.NEGLECT, Sensitive.of("Fictional"),
                Sensitive.of("Fictional")));
        when(new EntryCorrected(JOURNEY, entry(206), provenance(SCHOOL, Sensitivity.MENTAL_HEALTH), amy(),
                new Consent(ConsentStatus.REFUSED, Sensitive.of("Fictional refusal")), concern,
                Sensitive.of("Fictional reason"), Sensitive.of("{\"description\":\"Fictional\"}")));

        EntryFacts corrected = fold.facts().entries().get(0);
        assertThat(corrected.sensitivity()).isEqualTo(Sensitivity.MENTAL_HEALTH);
        assertThat(corrected.consent()).isEqualTo(ConsentStatus.REFUSED);
    }

    private void when(JourneyEvent event) {
        fold.when(event, AT);
    }

    private static EntryRetracted retraction(Agency agency, EntryId target) {
        return new EntryRetracted(JOURNEY, EntryId.of(UUID.randomUUID().toString()), provenance(agency),
                amy(), Consent.notStated(), target, Sensitive.of("Fictional: recorded in error"));
    }
}
