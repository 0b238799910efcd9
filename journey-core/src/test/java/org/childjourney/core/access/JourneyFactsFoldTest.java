package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childjourney.core.journey.JourneyFixtures.JOURNEY;
import static org.childjourney.core.journey.JourneyFixtures.OTHER_JOURNEY;
import static org.childjourney.core.journey.JourneyFixtures.amy;
import static org.childjourney.core.journey.JourneyFixtures.entry;
import static org.childjourney.core.journey.JourneyFixtures.provenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.JourneyUnsealed;
import org.childjourney.core.journey.event.JourneysLinked;
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

    @Test
    void linkedJourneysFoldAsOneRecordAndNameTheJourneysBeyond() {
        JourneyFactsFold own = new JourneyFactsFold().when(JourneyFixtures.journeysLinked(), AT);
        assertThat(own.facts().journeys()).containsExactly(JOURNEY);
        assertThat(own.facts().linked()).as("to fold in too").containsExactly(OTHER_JOURNEY);
        assertThat(own.linked(JOURNEY, OTHER_JOURNEY)).isTrue();

        EntryId involvement = entry(207);
        when(JourneyFixtures.journeysLinked());
        when(new JourneysLinked(OTHER_JOURNEY, JOURNEY, JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional")));
        when(new InvolvementStarted(OTHER_JOURNEY, involvement, provenance(CSC), amy(), Consent.notStated(),
                "worker"));
        JourneyFacts merged = fold.facts();
        assertThat(merged.journeys()).containsExactlyInAnyOrder(JOURNEY, OTHER_JOURNEY);
        assertThat(merged.linked()).isEmpty();
        assertThat(merged.leadAgencies()).containsExactly(CSC.code());
        assertThat(merged.entries()).extracting(EntryFacts::journeyId).containsExactly(OTHER_JOURNEY);
        assertThat(merged.othersThan(JOURNEY)).containsExactly(OTHER_JOURNEY);
        assertThat(merged.linkRefusal(OTHER_JOURNEY, own.facts()))
                .isEqualTo(JourneyRuleViolation.Rule.ALREADY_LINKED);

        when(JourneyFixtures.journeysUnlinked());
        assertThat(fold.linked(JOURNEY, OTHER_JOURNEY)).isFalse();
    }

    /** A seal of one linked journey seals the child's record; only its own unseal lifts it. */
    @Test
    void aLinkedRecordIsSealedWhileAnyOfItsJourneysIs() {
        when(new JourneySealed(JOURNEY, JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional adoption order")));
        when(new JourneySealed(OTHER_JOURNEY, JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional adoption order")));
        when(new JourneyUnsealed(OTHER_JOURNEY, JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional: set aside")));
        assertThat(fold.facts().sealed()).isTrue();

        when(new JourneyUnsealed(JOURNEY, JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional: set aside")));
        assertThat(fold.facts().sealed()).isFalse();
    }

    @Test
    void aLinkJoiningMoreThanTheMostJourneysIsRefused() {
        JourneyFactsFold many = new JourneyFactsFold();
        for (int i = 0; i < JourneyFacts.MOST_LINKED; i++) {
            many.when(new JourneysLinked(ChildJourneyId.of(UUID.randomUUID().toString()), JOURNEY,
                    JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional")), AT);
        }
        JourneyFacts other = new JourneyFactsFold().when(JourneyFixtures.possibleDuplicateResolved(), AT).facts();
        JourneyFactsFold nine = new JourneyFactsFold();
        for (int i = 0; i < JourneyFacts.MOST_LINKED - 1; i++) {
            nine.when(new JourneysLinked(ChildJourneyId.of(UUID.randomUUID().toString()), JOURNEY,
                    JourneyFixtures.HUB_MEMBER, Sensitive.of("Fictional")), AT);
        }
        assertThat(nine.facts().linkRefusal(OTHER_JOURNEY, other)).as("ten in all").isNull();

        assertThat(many.facts().linkRefusal(OTHER_JOURNEY, other))
                .isEqualTo(JourneyRuleViolation.Rule.TOO_MANY_LINKED);
        assertThat(other.linkRefusal(OTHER_JOURNEY, other)).isNull();
        assertThat(many.facts().sealedIfNotWhole().sealed()).as("links beyond the journeys folded").isTrue();
        assertThat(nine.facts().sealedIfNotWhole().sealed()).as("an own fold, its links beyond").isTrue();
        assertThat(other.sealedIfNotWhole()).isSameAs(other);
    }

    private void when(JourneyEvent event) {
        fold.when(event, AT);
    }

    private static EntryRetracted retraction(Agency agency, EntryId target) {
        return new EntryRetracted(JOURNEY, EntryId.of(UUID.randomUUID().toString()), provenance(agency),
                amy(), Consent.notStated(), target, Sensitive.of("Fictional: recorded in error"));
    }
}
