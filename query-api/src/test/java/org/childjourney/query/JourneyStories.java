package org.childjourney.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.AdultServiceEventKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.DuplicateReason;
import org.childjourney.core.journey.EnquiryOutcome;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.AdultServiceEventRecorded;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.childjourney.core.person.Household;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.Relationship;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * Writes a fictional child's journey straight into the event store, as the gateway would have: the query side is
 * tested against the same stored events it reads in production.
 */
public final class JourneyStories {

    public static final Agency POLICE = new Agency(AgencyCode.of("police-east"), AgencyKind.POLICE);
    public static final Agency HOSPITAL = new Agency(AgencyCode.of("hospital-north"), AgencyKind.HEALTH);
    public static final Agency SCHOOL = new Agency(AgencyCode.of("school-parkside"), AgencyKind.EDUCATION);
    public static final Agency SOCIAL_CARE = new Agency(AgencyCode.of("csc-county"),
            AgencyKind.CHILDRENS_SOCIAL_CARE);
    public static final Agency ADULT_MENTAL_HEALTH = new Agency(AgencyCode.of("adult-mh-county"),
            AgencyKind.ADULT_SERVICES);

    /** The child's name and the agencies' free text these stories record: none may reach a log. */
    public static final String[] PERSONAL_DATA = {"Amy", "Example", "Hungry most mornings", "Breakfast club",
        "Concerns from several agencies", "Low mood, self-harm risk", "Disclosed worries at home",
        "Parent asked us to stop sharing", "Would alert the adult", "Family declined", "Fictional rationale", "Jordan"};

    /** Every decision's rationale in these stories. */
    public static final String RATIONALE = "Fictional rationale: seen by the lead and the hub, never the referrer";

    private final EventStore store;
    private final ChildJourneyId journeyId = new ChildJourneyId(UUID.randomUUID());
    private final Subject subject;

    public JourneyStories(EventStore store, String nhsNumber) {
        this.store = store;
        this.subject = new Subject(NhsNumber.of(nhsNumber), new LocalId("police-east/person",
                Sensitive.of("P-" + nhsNumber)), Sensitive.of("Amy"), Sensitive.of("Example"), null, null);
    }

    public ChildJourneyId journeyId() {
        return journeyId;
    }

    public EntryId aeAttendance(String occurredAt) {
        return append(id -> new AeAttendanceRecorded(journeyId, id, provenance(HOSPITAL, occurredAt), subject,
                Consent.notStated(), "North General ED", Sensitive.of("Fall"), true, Instant.parse(occurredAt), null));
    }

    public EntryId domesticAbuse(String occurredAt) {
        return append(id -> new DomesticAbuseNotified(journeyId, id, provenance(POLICE, occurredAt), subject,
                new Consent(ConsentStatus.NOT_SOUGHT_PREJUDICIAL, Sensitive.of("Would alert the adult")), "INC-7",
                true, RiskLevel.HIGH, true));
    }

    /** A police notification about this child's household, recorded for this child as for each of the others. */
    public EntryId householdNotification(String occurredAt, Household household, Sensitivity sensitivity) {
        return append(id -> new DomesticAbuseNotified(journeyId, id, new Provenance(POLICE, "INC-" + UUID.randomUUID(),
                "service-account-police-east", Instant.parse(occurredAt), sensitivity), subject.inHousehold(household),
                new Consent(ConsentStatus.NOT_SOUGHT_PREJUDICIAL, Sensitive.of("Would alert the adult")), "INC-8",
                true, RiskLevel.HIGH, false));
    }

    /** A mental health service tells of a crisis of the child's mother, as the gateway records it: sensitive. */
    public EntryId adultServiceEvent(String occurredAt) {
        return append(id -> new AdultServiceEventRecorded(journeyId, id, new Provenance(ADULT_MENTAL_HEALTH,
                "MH-" + UUID.randomUUID(), "service-account-adult-mh-county", Instant.parse(occurredAt),
                Sensitivity.ADULT_SERVICES_PARENT), subject, Consent.notStated(),
                AdultServiceEventKind.MENTAL_HEALTH_CRISIS, Relationship.MOTHER));
    }

    public EntryId schoolConcern(String occurredAt, ConsentStatus consent) {
        return append(id -> new SchoolConcernRaised(journeyId, id, provenance(SCHOOL, occurredAt), subject,
                new Consent(consent, consent.needsReason() ? Sensitive.of("Family declined") : null),
                ConcernCategory.NEGLECT, Sensitive.of("Hungry most mornings"), Sensitive.of("Breakfast club")));
    }

    public EntryId contact(String occurredAt) {
        return contact(SOCIAL_CARE, occurredAt);
    }

    public EntryId involvementStarted(Agency agency, String occurredAt) {
        return append(id -> new InvolvementStarted(journeyId, id, provenance(agency, occurredAt), subject,
                Consent.notStated(), "allocated-social-worker"));
    }

    public EntryId involvementEnded(Agency agency, String occurredAt) {
        return append(id -> new InvolvementEnded(journeyId, id, provenance(agency, occurredAt), subject,
                Consent.notStated(), "allocated-social-worker"));
    }

    public EntryId sensitiveAttendance(String occurredAt, Sensitivity sensitivity) {
        return append(id -> new AeAttendanceRecorded(journeyId, id, new Provenance(HOSPITAL, "SRC-" + UUID.randomUUID(),
                "service-account-hospital-north", Instant.parse(occurredAt), sensitivity), subject,
                Consent.notStated(), "North General ED", Sensitive.of("Low mood, self-harm risk"), false,
                Instant.parse(occurredAt), Sensitive.of("Disclosed worries at home")));
    }

    public EntryId childProtectionPlan(String occurredAt) {
        return append(id -> new ChildProtectionPlanStarted(journeyId, id, provenance(SOCIAL_CARE, occurredAt),
                subject, new Consent(ConsentStatus.NOT_REQUIRED, null), PlanCategory.NEGLECT));
    }

    public EntryId consentWithdrawn(AgencyKind scope) {
        return append(id -> new ConsentWithdrawn(journeyId, id, provenance(SOCIAL_CARE, "2026-11-22T11:00:00Z"),
                subject, new Consent(ConsentStatus.WITHDRAWN, null), new ConsentScope(scope),
                Sensitive.of("Parent asked us to stop sharing")));
    }

    public EntryId corrected(Agency agency, EntryId target, String correctedDetails) {
        return append(id -> new EntryCorrected(journeyId, id, provenance(agency, "2026-11-22T09:00:00Z"), subject,
                Consent.notStated(), target, Sensitive.of("Wrong category"), Sensitive.of(correctedDetails)));
    }

    public EntryId retracted(Agency agency, EntryId target) {
        return append(id -> new EntryRetracted(journeyId, id, provenance(agency, "2026-11-22T09:30:00Z"), subject,
                Consent.notStated(), target, Sensitive.of("Wrong child")));
    }

    /** Social care's front-door decision on a contact or notification, with its rationale. */
    public EntryId decided(EntryId item) {
        return append(id -> new ContactDecided(journeyId, id, provenance(SOCIAL_CARE, "2026-11-22T10:00:00Z"),
                subject, Consent.notStated(), item, FrontDoorDecision.EARLY_HELP, Sensitive.of(RATIONALE)));
    }

    /** A strategy discussion held by social care with these agencies, deciding as it says. */
    public EntryId strategyDiscussion(StrategyDecision decision, Agency... participants) {
        return append(id -> new StrategyDiscussionHeld(journeyId, id, provenance(SOCIAL_CARE, "2026-11-22T12:00:00Z"),
                subject, Consent.notStated(), decision, Arrays.stream(participants).map(Agency::code).toList(),
                Sensitive.of(RATIONALE)));
    }

    /** The outcome of the s.47 enquiry this strategy discussion opened: it closes the enquiry. */
    public EntryId enquiryConcluded(EntryId strategyDiscussion) {
        return append(id -> new EnquiryConcluded(journeyId, id, provenance(SOCIAL_CARE, "2026-11-23T12:00:00Z"),
                subject, Consent.notStated(), strategyDiscussion, EnquiryOutcome.CHILD_IN_NEED,
                Sensitive.of(RATIONALE)));
    }

    /** Social care adds an agency (or, named, one practitioner of it) to the team around the child. */
    public EntryId teamMemberAdded(Agency member, TeamRole role, @Nullable String practitioner) {
        return append(id -> new TeamMemberAdded(journeyId, id, provenance(SOCIAL_CARE, "2026-11-22T13:00:00Z"),
                subject, Consent.notStated(), member.code(), role, practitioner));
    }

    public EntryId teamMemberRemoved(Agency member, TeamRole role, @Nullable String practitioner) {
        return append(id -> new TeamMemberRemoved(journeyId, id, provenance(SOCIAL_CARE, "2026-11-23T13:00:00Z"),
                subject, Consent.notStated(), member.code(), role, practitioner));
    }

    /** A contact from this agency, consent given. */
    public EntryId contact(Agency agency, String occurredAt) {
        return append(id -> new ContactReceived(journeyId, id, provenance(agency, occurredAt), subject,
                new Consent(ConsentStatus.GIVEN, null), Sensitive.of("Concerns from several agencies"),
                ConcernCategory.NEGLECT, null));
    }

    /**
     * The gateway doubted this child is another journey's (the two share a birthday, a family name and a postcode,
     * and not a given name): a task for the hub, on both journeys, as the gateway raises it.
     *
     * @return the task's id
     */
    public String possibleDuplicate(JourneyStories other) {
        String taskId = UUID.randomUUID().toString();
        List<String> reasons = List.of("same date of birth", "different given name", "same family name",
                "same postcode");
        publish(new PossibleDuplicateRaised(journeyId, taskId, other.journeyId, DuplicateReason.DEMOGRAPHICS_ALIKE,
                6.0, reasons));
        other.publish(new PossibleDuplicateRaised(other.journeyId, taskId, journeyId,
                DuplicateReason.DEMOGRAPHICS_ALIKE, 6.0, reasons));
        return taskId;
    }

    private EntryId append(Function<EntryId, JourneyEntry> event) {
        EntryId entryId = new EntryId(UUID.randomUUID());
        publish(event.apply(entryId));
        return entryId;
    }

    private void publish(JourneyEvent event) {
        // After the journey's own latest event: the query API appends to it too (the feedback loops' notices), and
        // an append it beat to a sequence number is refused by the store, then made again after it.
        for (int attempt = 1; ; attempt++) {
            long next = store.lastSequenceNumberFor(journeyId.toString()).map(latest -> latest + 1).orElse(0L);
            try {
                store.publish(new GenericDomainEventMessage<>("ChildJourney", journeyId.toString(), next, event));
                return;
            } catch (RuntimeException beaten) {
                if (attempt == 10) {
                    throw beaten;
                }
            }
        }
    }

    private static Provenance provenance(Agency agency, String occurredAt) {
        return new Provenance(agency, "SRC-" + UUID.randomUUID(), "service-account-" + agency.code(),
                Instant.parse(occurredAt));
    }
}
