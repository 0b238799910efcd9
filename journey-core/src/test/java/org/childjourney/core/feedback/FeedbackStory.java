package org.childjourney.core.feedback;

import static org.childjourney.core.journey.JourneyFixtures.JOURNEY;
import static org.childjourney.core.journey.JourneyFixtures.amy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.access.JourneyFactsFold;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.provenance.Provenance;

/**
 * A fictional child's journey told entry by entry to the feedback loops and the pattern rules, each entry decided on
 * the journey as it stood before it, as the query API's processor decides it.
 */
final class FeedbackStory {

    static final Agency CSC = agency("csc-county", AgencyKind.CHILDRENS_SOCIAL_CARE);
    static final Agency POLICE = agency("police-east", AgencyKind.POLICE);
    static final Agency HOSPITAL = agency("hospital-north", AgencyKind.HEALTH);
    static final Agency PARKSIDE = agency("school-parkside", AgencyKind.EDUCATION);
    static final Agency RIVERSIDE = agency("school-riverside", AgencyKind.EDUCATION);
    static final AgencyRegister REGISTER = new AgencyRegister(Map.of("csc-county", AgencyKind.CHILDRENS_SOCIAL_CARE,
            "police-east", AgencyKind.POLICE, "hospital-north", AgencyKind.HEALTH,
            "school-parkside", AgencyKind.EDUCATION, "school-riverside", AgencyKind.EDUCATION), null, null);
    static final String RATIONALE = "Fictional rationale, for the record only";

    private final JourneyFactsFold fold = new JourneyFactsFold();
    private final JourneySignals signals = new JourneySignals();
    private final PatternRules rules;
    /** Every pattern alert raised so far. */
    final List<Notice> alerts = new ArrayList<>();

    FeedbackStory(PatternRule... rules) {
        this.rules = new PatternRules("2026.12-test", CSC.code(), List.of(rules));
    }

    /** The entry recorded at {@code recordedAt}: the notices it raised, pattern alerts included. */
    List<Notice> record(JourneyEntry entry, Instant recordedAt) {
        List<Notice> raised = new ArrayList<>(FeedbackLoops.of(entry, recordedAt, fold::facts, signals, REGISTER));
        List<Notice> found = rules.alerts(Signal.of(entry, recordedAt), signals,
                () -> new JourneyFactsFold(fold).when(entry, recordedAt).facts());
        alerts.addAll(found);
        raised.addAll(found);
        fold.when(entry, recordedAt);
        signals.when(entry, recordedAt);
        return raised;
    }

    List<Notice> record(JourneyEntry entry) {
        return record(entry, entry.provenance().occurredAt());
    }

    static ContactReceived contact(Agency from, String occurredAt, AgencyCode referrer) {
        return new ContactReceived(JOURNEY, id(), provenance(from, occurredAt), amy(), Consent.notStated(),
                Sensitive.of("Fictional reason"), ConcernCategory.NEGLECT, referrer);
    }

    static ContactDecided decision(EntryId item, FrontDoorDecision decision, String occurredAt) {
        return new ContactDecided(JOURNEY, id(), provenance(CSC, occurredAt), amy(), Consent.notStated(), item,
                decision, Sensitive.of(RATIONALE));
    }

    static InvolvementStarted involvement(Agency agency, String occurredAt) {
        return new InvolvementStarted(JOURNEY, id(), provenance(agency, occurredAt), amy(), Consent.notStated(),
                "fictional-role");
    }

    static ChildProtectionPlanStarted planStarted(String occurredAt) {
        return new ChildProtectionPlanStarted(JOURNEY, id(), provenance(CSC, occurredAt), amy(),
                Consent.notStated(), PlanCategory.NEGLECT);
    }

    static ChildProtectionPlanEnded planEnded(String occurredAt) {
        return new ChildProtectionPlanEnded(JOURNEY, id(), provenance(CSC, occurredAt), amy(), Consent.notStated(),
                PlanCategory.NEGLECT);
    }

    static DomesticAbuseNotified domesticAbuse(String occurredAt, boolean notifySchool) {
        return new DomesticAbuseNotified(JOURNEY, id(), provenance(POLICE, occurredAt), amy(), Consent.notStated(),
                "INC-FICTIONAL-7", true, RiskLevel.HIGH, notifySchool);
    }

    static AeAttendanceRecorded attendance(String occurredAt) {
        return new AeAttendanceRecorded(JOURNEY, id(), provenance(HOSPITAL, occurredAt), amy(), Consent.notStated(),
                "North General ED", Sensitive.of("Fictional fall"), true, Instant.parse(occurredAt), null);
    }

    static SchoolConcernRaised schoolConcern(String occurredAt) {
        return new SchoolConcernRaised(JOURNEY, id(), provenance(PARKSIDE, occurredAt), amy(), Consent.notStated(),
                ConcernCategory.NEGLECT, Sensitive.of("Fictional description"), Sensitive.of("Fictional action"));
    }

    private static Provenance provenance(Agency agency, String occurredAt) {
        return new Provenance(agency, "SRC-" + UUID.randomUUID(), "fictional.sender", Instant.parse(occurredAt));
    }

    private static EntryId id() {
        return new EntryId(UUID.randomUUID());
    }

    private static Agency agency(String code, AgencyKind kind) {
        return new Agency(AgencyCode.of(code), kind);
    }
}
