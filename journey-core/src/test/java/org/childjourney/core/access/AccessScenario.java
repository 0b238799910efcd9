package org.childjourney.core.access;

import static org.childjourney.core.journey.JourneyFixtures.EMERGENCY_JUSTIFICATION;
import static org.childjourney.core.journey.JourneyFixtures.JOURNEY;
import static org.childjourney.core.journey.JourneyFixtures.amy;
import static org.childjourney.core.journey.JourneyFixtures.entry;
import static org.childjourney.core.journey.JourneyFixtures.provenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EnquiryOutcome;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntriesReleased;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * One read of a fictional child's journey, in the words of the access decision table
 * ({@code docs/access-decisions.csv}). The journey is folded from real events ({@link JourneyFactsFold}), each
 * recorded some days before the read:
 *
 * <ul>
 *   <li>{@code lead-involvement} (70 days before): Northshire's children's social care starts working with the
 *       child: it leads.
 *   <li>{@code school-concern} (60): Parkside school, with the row's consent and sensitivity.
 *   <li>{@code ae-attendance} (50): Hospital North, consent given.
 *   <li>{@code da-notification} (40): Police East, consent not sought because asking would alert the adult.
 *   <li>{@code strategy-discussion} (35): Northshire, decision child-in-need, with Police East.
 *   <li>{@code da-decision} (30): Northshire decides on the notification, with a rationale.
 * </ul>
 *
 * The reader's relationship and the journey's state add entries. No reader works for the agencies above.
 */
record AccessScenario(Purpose purpose, Reader reader, Relationship relationship, SchoolConcern concern,
        JourneyState journey, Variation variation) {

    /** When every read of the table is made. */
    static final Instant READ_AT = Instant.parse("2026-11-24T10:00:00Z");

    static final Agency CSC_COUNTY = JourneyFixtures.CSC_COUNTY;
    static final Agency CSC_NORTHSHIRE = new Agency(AgencyCode.of("csc-northshire"),
            AgencyKind.CHILDRENS_SOCIAL_CARE);
    static final Agency SCHOOL_PARKSIDE = JourneyFixtures.SCHOOL_PARKSIDE;
    static final Agency SCHOOL_HILLSIDE = new Agency(AgencyCode.of("school-hillside"), AgencyKind.EDUCATION);
    static final Agency HOSPITAL_NORTH = JourneyFixtures.HOSPITAL_NORTH;
    static final Agency HOSPITAL_SOUTH = new Agency(AgencyCode.of("hospital-south"), AgencyKind.HEALTH);
    static final Agency POLICE_EAST = JourneyFixtures.POLICE_EAST;
    static final Agency POLICE_WEST = new Agency(AgencyCode.of("police-west"), AgencyKind.POLICE);

    /** The header of the table. */
    static final String HEADER = "purpose,reader,relationship,school-concern,journey,decision,reason,grounds,"
            + "withheld,existence-only,summary-only,without-rationale,flags";

    /** The journey's entries, by the names the table gives them, in the order the table lists them. */
    enum Name {
        LEAD_INVOLVEMENT("lead-involvement", 1),
        SCHOOL_CONCERN("school-concern", 2),
        AE_ATTENDANCE("ae-attendance", 3),
        DA_NOTIFICATION("da-notification", 4),
        STRATEGY_DISCUSSION("strategy-discussion", 5),
        DA_DECISION("da-decision", 6),
        CONSENT_WITHDRAWAL("consent-withdrawal", 7),
        OWN_CONTACT("own-contact", 8),
        OWN_CONTACT_DECISION("own-contact-decision", 9),
        OWN_INVOLVEMENT("own-involvement", 10),
        OWN_INVOLVEMENT_ENDED("own-involvement-ended", 11),
        TEAM_ADDED("team-added", 12),
        TEAM_REMOVED("team-removed", 13),
        ENQUIRY("enquiry", 14),
        ENQUIRY_OUTCOME("enquiry-outcome", 15),
        NEW_CONTACT("new-contact", 16),
        CP_PLAN("cp-plan", 17);

        final String label;
        final EntryId id;

        Name(String label, int number) {
            this.label = label;
            this.id = entry(100 + number);
        }
    }

    /** Who reads. */
    enum Reader {
        CSC_PRACTITIONER("csc-practitioner", "fictional.social.worker", CSC_COUNTY, Role.PRACTITIONER),
        SCHOOL_PRACTITIONER("school-practitioner", "fictional.teacher", SCHOOL_HILLSIDE, Role.PRACTITIONER),
        HEALTH_PRACTITIONER("health-practitioner", "fictional.nurse", HOSPITAL_SOUTH, Role.PRACTITIONER),
        POLICE_PRACTITIONER("police-practitioner", "fictional.officer", POLICE_WEST, Role.PRACTITIONER),
        HUB_MEMBER("hub-member", "fictional.hub.worker", CSC_COUNTY, Role.MASH, Role.PRACTITIONER),
        AUDITOR("auditor", "fictional.auditor", null, Role.AUDITOR),
        /** Not walked by the table: a machine client. */
        AGENCY_SYSTEM("agency-system", "police-west-gateway", POLICE_WEST, Role.AGENCY_SYSTEM),
        /** Not walked by the table: a teacher at Parkside, the school that recorded the concern under test. */
        RECORDING_SCHOOL_PRACTITIONER("recording-school-practitioner", "fictional.parkside.teacher",
                SCHOOL_PARKSIDE, Role.PRACTITIONER);

        final String label;
        final Viewer viewer;
        final @Nullable Agency agency;

        Reader(String label, String username, @Nullable Agency agency, Role... roles) {
            this.label = label;
            this.viewer = new Viewer(username, agency == null ? null : agency.code(), Set.of(roles));
            this.agency = agency;
        }

        static List<Reader> walked() {
            return Arrays.stream(values())
                    .filter(reader -> reader != AGENCY_SYSTEM && reader != RECORDING_SCHOOL_PRACTITIONER).toList();
        }
    }

    /** What the reader's agency has to do with the child, as recorded on the journey. */
    enum Relationship {
        NONE("none"),
        /** It referred the child (own-contact, 20 days before) and the front door decided (19). */
        SUBMITTED_ENTRY("submitted-entry"),
        /** It works with the child (own-involvement, 25). */
        OPEN_INVOLVEMENT("open-involvement"),
        ENDED_INVOLVEMENT("ended-involvement"),
        /** The hub released the school concern and the attendance to it (18). */
        RELEASED_ONLY("released-only"),
        /** Northshire added it to the team around the child as core group (10). */
        TEAM("team"),
        TEAM_REMOVED("team-removed"),
        /** It takes part in a s.47 enquiry Northshire opened (5). */
        ENQUIRY_PARTICIPANT("enquiry-participant"),
        ENQUIRY_CLOSED("enquiry-closed");

        final String label;

        Relationship(String label) {
            this.label = label;
        }
    }

    /** The consent and sensitivity of the school concern, or the family's withdrawal for the reader's kind. */
    enum SchoolConcern {
        GIVEN("given", ConsentStatus.GIVEN, Sensitivity.NONE, false),
        REFUSED("refused", ConsentStatus.REFUSED, Sensitivity.NONE, false),
        NOT_SOUGHT_PREJUDICIAL("not-sought-prejudicial", ConsentStatus.NOT_SOUGHT_PREJUDICIAL, Sensitivity.NONE,
                false),
        NOT_REQUIRED("not-required", ConsentStatus.NOT_REQUIRED, Sensitivity.NONE, false),
        /** Consent given, then withdrawn by the family for the reader's kind of agency (consent-withdrawal, 8). */
        JOURNEY_WITHDRAWN("journey-withdrawn", ConsentStatus.GIVEN, Sensitivity.NONE, true),
        MENTAL_HEALTH("mental-health", ConsentStatus.GIVEN, Sensitivity.MENTAL_HEALTH, false);

        final String label;
        final ConsentStatus consent;
        final Sensitivity sensitivity;
        final boolean withdrawnForReaderKind;

        SchoolConcern(String label, ConsentStatus consent, Sensitivity sensitivity, boolean withdrawnForReaderKind) {
            this.label = label;
            this.consent = consent;
            this.sensitivity = sensitivity;
            this.withdrawnForReaderKind = withdrawnForReaderKind;
        }
    }

    enum JourneyState {
        /** The front door decided 30 days ago and has nothing waiting. */
        ORDINARY("ordinary"),
        /** A contact from Hospital North awaits the front door's decision (new-contact, 2 days before). */
        AT_FRONT_DOOR("at-front-door"),
        /** Northshire started a child protection plan (cp-plan, 15). */
        PLAN_OPEN("plan-open"),
        SEALED("sealed"),
        UNKNOWN("unknown");

        final String label;

        JourneyState(String label) {
            this.label = label;
        }
    }

    /** How the read differs from a timeline read whose emergency purpose carries a justification. */
    enum Variation {
        NONE("", ReadKind.TIMELINE, EMERGENCY_JUSTIFICATION),
        SEARCH("search", ReadKind.SEARCH, EMERGENCY_JUSTIFICATION),
        ACCESS_LOG("access log", ReadKind.ACCESS_LOG, EMERGENCY_JUSTIFICATION),
        NO_JUSTIFICATION("no justification", ReadKind.TIMELINE, null),
        SHORT_JUSTIFICATION("short justification", ReadKind.TIMELINE, "Fictional: urgent");

        final String label;
        final ReadKind kind;
        final @Nullable String justification;

        Variation(String label, ReadKind kind, @Nullable String justification) {
            this.label = label;
            this.kind = kind;
            this.justification = justification;
        }
    }

    /** A scenario from the table's own words, e.g. {@code emergency (no justification)}. */
    static AccessScenario parse(String purpose, String reader, String relationship, String concern, String journey) {
        String header = purpose.contains(" (") ? purpose.substring(0, purpose.indexOf(" (")) : purpose;
        String variation = purpose.contains(" (") ? purpose.substring(purpose.indexOf(" (") + 2, purpose.length() - 1)
                : "";
        return new AccessScenario(
                Purpose.fromHeader(header).orElseThrow(() -> new IllegalArgumentException("purpose " + header)),
                byLabel(Reader.values(), reader, r -> r.label),
                byLabel(Relationship.values(), relationship, r -> r.label),
                byLabel(SchoolConcern.values(), concern, c -> c.label),
                byLabel(JourneyState.values(), journey, j -> j.label),
                byLabel(Variation.values(), variation, v -> v.label));
    }

    private static <T> T byLabel(T[] values, String label, Function<T, String> labelOf) {
        return Arrays.stream(values).filter(value -> labelOf.apply(value).equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such label in the table: " + label));
    }

    AccessRequest request() {
        return new AccessRequest(reader.viewer, reader.agency == null ? null : reader.agency.kind(), purpose,
                variation.kind, purpose == Purpose.EMERGENCY ? variation.justification : null, READ_AT);
    }

    /** The journey's facts, folded from its events. */
    JourneyFacts facts() {
        JourneyFactsFold fold = new JourneyFactsFold();
        events().forEach(recorded -> fold.when(recorded.event(), recorded.at()));
        return fold.facts();
    }

    /** An event and when the record learned of it. */
    record Recorded(JourneyEvent event, Instant at) {
    }

    List<Recorded> events() {
        if (journey == JourneyState.UNKNOWN) {
            return List.of();
        }
        List<Recorded> events = new ArrayList<>();
        events.add(daysBefore(70, new InvolvementStarted(JOURNEY, Name.LEAD_INVOLVEMENT.id,
                provenance(CSC_NORTHSHIRE), amy(), Consent.notStated(), "allocated-social-worker")));
        events.add(daysBefore(60, new SchoolConcernRaised(JOURNEY, Name.SCHOOL_CONCERN.id,
                provenance(SCHOOL_PARKSIDE, concern.sensitivity), amy(), consent(concern.consent),
                ConcernCategory.NEGLECT, Sensitive.of(JourneyFixtures.SCHOOL_CONCERN_DESCRIPTION),
                Sensitive.of(JourneyFixtures.SCHOOL_ACTION_TAKEN))));
        events.add(daysBefore(50, new AeAttendanceRecorded(JOURNEY, Name.AE_ATTENDANCE.id, provenance(HOSPITAL_NORTH),
                amy(), consent(ConsentStatus.GIVEN), "Fictional General", Sensitive.of(
                        JourneyFixtures.PRESENTING_COMPLAINT), true, JourneyFixtures.DISCHARGED_AT, null)));
        events.add(daysBefore(40, new DomesticAbuseNotified(JOURNEY, Name.DA_NOTIFICATION.id, provenance(POLICE_EAST),
                amy(), consent(ConsentStatus.NOT_SOUGHT_PREJUDICIAL), "FICTIONAL-INC-1", true, RiskLevel.MEDIUM,
                false)));
        events.add(daysBefore(35, strategyDiscussion(Name.STRATEGY_DISCUSSION, StrategyDecision.CHILD_IN_NEED,
                POLICE_EAST.code())));
        events.add(daysBefore(30, decision(Name.DA_DECISION, Name.DA_NOTIFICATION)));
        Agency own = reader.agency;
        if (concern.withdrawnForReaderKind) {
            events.add(daysBefore(8, new ConsentWithdrawn(JOURNEY, Name.CONSENT_WITHDRAWAL.id,
                    provenance(CSC_NORTHSHIRE), amy(), Consent.notStated(),
                    own == null ? ConsentScope.all() : new ConsentScope(own.kind()),
                    Sensitive.of(JourneyFixtures.WITHDRAWAL_REASON))));
        }
        if (own != null) {
            relationshipEvents(own, events);
        }
        switch (journey) {
            case AT_FRONT_DOOR -> events.add(daysBefore(2, new ContactReceived(JOURNEY, Name.NEW_CONTACT.id,
                    provenance(HOSPITAL_NORTH), amy(), consent(ConsentStatus.GIVEN),
                    Sensitive.of(JourneyFixtures.CONTACT_REASON), ConcernCategory.PHYSICAL_ABUSE, null)));
            case PLAN_OPEN -> events.add(daysBefore(15, new ChildProtectionPlanStarted(JOURNEY, Name.CP_PLAN.id,
                    provenance(CSC_NORTHSHIRE), amy(), consent(ConsentStatus.NOT_REQUIRED), PlanCategory.NEGLECT)));
            case SEALED -> events.add(daysBefore(1, new JourneySealed(JOURNEY, JourneyFixtures.SOCIAL_WORKER,
                    Sensitive.of(JourneyFixtures.SEAL_REASON))));
            case ORDINARY, UNKNOWN -> {
            }
        }
        events.sort((one, other) -> one.at().compareTo(other.at()));
        return events;
    }

    private void relationshipEvents(Agency own, List<Recorded> events) {
        switch (relationship) {
            case SUBMITTED_ENTRY -> {
                events.add(daysBefore(20, new ContactReceived(JOURNEY, Name.OWN_CONTACT.id, provenance(own), amy(),
                        consent(ConsentStatus.GIVEN), Sensitive.of(JourneyFixtures.CONTACT_REASON),
                        ConcernCategory.NEGLECT, null)));
                events.add(daysBefore(19, decision(Name.OWN_CONTACT_DECISION, Name.OWN_CONTACT)));
            }
            case OPEN_INVOLVEMENT, ENDED_INVOLVEMENT -> {
                events.add(daysBefore(25, new InvolvementStarted(JOURNEY, Name.OWN_INVOLVEMENT.id, provenance(own),
                        amy(), Consent.notStated(), "worker")));
                if (relationship == Relationship.ENDED_INVOLVEMENT) {
                    events.add(daysBefore(12, new InvolvementEnded(JOURNEY, Name.OWN_INVOLVEMENT_ENDED.id,
                            provenance(own), amy(), Consent.notStated(), "worker")));
                }
            }
            case RELEASED_ONLY -> events.add(daysBefore(18, new EntriesReleased(JOURNEY, JourneyFixtures.HUB_MEMBER,
                    own.code(), List.of(Name.SCHOOL_CONCERN.id, Name.AE_ATTENDANCE.id),
                    Sensitive.of(JourneyFixtures.RELEASE_REASON))));
            case TEAM, TEAM_REMOVED -> {
                events.add(daysBefore(10, new TeamMemberAdded(JOURNEY, Name.TEAM_ADDED.id, provenance(CSC_NORTHSHIRE),
                        amy(), Consent.notStated(), own.code(), TeamRole.CORE_GROUP, null)));
                if (relationship == Relationship.TEAM_REMOVED) {
                    events.add(daysBefore(9, new TeamMemberRemoved(JOURNEY, Name.TEAM_REMOVED.id,
                            provenance(CSC_NORTHSHIRE), amy(), Consent.notStated(), own.code(), TeamRole.CORE_GROUP,
                            null)));
                }
            }
            case ENQUIRY_PARTICIPANT, ENQUIRY_CLOSED -> {
                events.add(daysBefore(5, strategyDiscussion(Name.ENQUIRY, StrategyDecision.S47_ENQUIRY, own.code())));
                if (relationship == Relationship.ENQUIRY_CLOSED) {
                    events.add(daysBefore(4, new EnquiryConcluded(JOURNEY, Name.ENQUIRY_OUTCOME.id,
                            provenance(CSC_NORTHSHIRE), amy(), Consent.notStated(), Name.ENQUIRY.id,
                            EnquiryOutcome.CHILD_IN_NEED, Sensitive.of(JourneyFixtures.ENQUIRY_RATIONALE))));
                }
            }
            case NONE -> {
            }
        }
    }

    private static StrategyDiscussionHeld strategyDiscussion(Name name, StrategyDecision decision,
            AgencyCode participant) {
        return new StrategyDiscussionHeld(JOURNEY, name.id, provenance(CSC_NORTHSHIRE), amy(), Consent.notStated(),
                decision, List.of(participant), Sensitive.of(JourneyFixtures.STRATEGY_RATIONALE));
    }

    private static ContactDecided decision(Name name, Name item) {
        return new ContactDecided(JOURNEY, name.id, provenance(CSC_NORTHSHIRE), amy(), Consent.notStated(), item.id,
                FrontDoorDecision.EARLY_HELP, Sensitive.of(JourneyFixtures.DECISION_RATIONALE));
    }

    private static Consent consent(ConsentStatus status) {
        return new Consent(status, status == ConsentStatus.REFUSED || status == ConsentStatus.NOT_SOUGHT_PREJUDICIAL
                ? Sensitive.of(JourneyFixtures.REFUSAL_REASON) : null);
    }

    private static Recorded daysBefore(int days, JourneyEvent event) {
        return new Recorded(event, READ_AT.minus(Duration.ofDays(days)));
    }

    AccessDecision decide() {
        return AccessPolicies.current().decide(request(), facts());
    }

    /** The scenario's columns: purpose (with its variation), reader, relationship, school concern, journey. */
    String given() {
        String purposeColumn = variation == Variation.NONE ? purpose.header()
                : purpose.header() + " (" + variation.label + ")";
        return String.join(",", purposeColumn, reader.label, relationship.label, concern.label, journey.label);
    }

    /** The decision's columns: decision, reason, grounds, withheld, the views short of full, flags. */
    String outcome() {
        AccessDecision decision = decide();
        if (decision instanceof AccessDecision.Refused refused) {
            return String.join(",", "refused", refused.reason().name(), "-", "-", "-", "-", "-", "-");
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        return String.join(",", "permitted", "-",
                permitted.grounds().isEmpty() ? "-"
                        : String.join(";", permitted.grounds().stream().map(Ground::wireName).toList()),
                names(permitted.withheld()), viewed(permitted.shown(), EntryView.EXISTENCE_ONLY),
                viewed(permitted.shown(), EntryView.SUMMARY_ONLY), viewed(permitted.shown(),
                        EntryView.WITHOUT_RATIONALE), flags(permitted.flags()));
    }

    String row() {
        return given() + "," + outcome();
    }

    private static String viewed(Map<EntryId, EntryView> shown, EntryView view) {
        return names(shown.entrySet().stream().filter(entry -> entry.getValue() == view).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static String flags(AccessDecision.@Nullable Flags flags) {
        if (flags == null) {
            return "-";
        }
        return (flags.childProtectionPlan() ? "plan" : "no-plan") + ";"
                + (flags.leadAgency() == null ? "no-lead" : "lead " + flags.leadAgency().value())
                + (flags.priorAttendances() == null ? "" : ";attendances " + flags.priorAttendances());
    }

    /** The table's names of these entries, in the table's order. */
    private static String names(Set<EntryId> ids) {
        List<String> names = Arrays.stream(Name.values()).filter(name -> ids.contains(name.id))
                .map(name -> name.label).toList();
        if (names.size() != ids.size()) {
            throw new IllegalStateException("an entry the table does not name");
        }
        return names.isEmpty() ? "-" : String.join(";", names);
    }
}
