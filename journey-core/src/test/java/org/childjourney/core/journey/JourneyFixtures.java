package org.childjourney.core.journey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.LawfulBasis;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.command.AcknowledgeNotice;
import org.childjourney.core.journey.command.DeclineSharing;
import org.childjourney.core.journey.command.OpenBreakGlass;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.journey.command.RecordEntry;
import org.childjourney.core.journey.command.ReleaseEntries;
import org.childjourney.core.journey.command.ReviewBreakGlass;
import org.childjourney.core.journey.command.SealJourney;
import org.childjourney.core.journey.command.UnsealJourney;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.journey.event.BreakGlassGranted;
import org.childjourney.core.journey.event.BreakGlassReviewed;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntriesReleased;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InboxRead;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.ContentErased;
import org.childjourney.core.journey.command.EraseJourney;
import org.childjourney.core.journey.ErasureGround;
import org.childjourney.core.journey.event.JourneyUnsealed;
import org.childjourney.core.journey.event.JourneysLinked;
import org.childjourney.core.journey.event.JourneysUnlinked;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.core.journey.event.NoticeAcknowledged;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.PossibleDuplicateResolved;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.journey.event.SharingDeclined;
import org.childjourney.core.journey.event.SharingRefused;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.childjourney.core.provenance.Sensitivity;

/**
 * Object mothers for the child's journey: one fictional child, Amy Example, known to four fictional agencies. Every
 * command mother has an event mother with the same values, so a test reads "given these entries, when this
 * command, then this entry". All data is invented; the NHS number is a valid test number.
 */
public final class JourneyFixtures {

    /** Amy's journey. */
    public static final ChildJourneyId JOURNEY = ChildJourneyId.of("0a11ce00-0000-4000-8000-000000000001");
    /** Another child's journey, for searches that find more than one. */
    public static final ChildJourneyId OTHER_JOURNEY = ChildJourneyId.of("0b0b0000-0000-4000-8000-000000000002");

    public static final EntryId CONTACT = entry(1);
    public static final EntryId CONTACT_DECISION = entry(2);
    public static final EntryId AE_ATTENDANCE = entry(3);
    public static final EntryId DOMESTIC_ABUSE_NOTIFICATION = entry(4);
    public static final EntryId SCHOOL_CONCERN = entry(5);
    public static final EntryId PLAN_STARTED = entry(6);
    public static final EntryId PLAN_ENDED = entry(7);
    public static final EntryId INVOLVEMENT_STARTED = entry(8);
    public static final EntryId INVOLVEMENT_ENDED = entry(9);
    public static final EntryId CORRECTION = entry(10);
    public static final EntryId RETRACTION = entry(11);
    public static final EntryId CONSENT_RECORD = entry(12);
    public static final EntryId CONSENT_WITHDRAWAL = entry(13);
    public static final EntryId STRATEGY_DISCUSSION = entry(14);
    public static final EntryId ENQUIRY_OUTCOME = entry(15);
    public static final EntryId TEAM_MEMBER_ADDED = entry(16);
    public static final EntryId TEAM_MEMBER_REMOVED = entry(17);
    /** An entry id no agency has used on the journey. */
    public static final EntryId UNKNOWN_ENTRY = entry(99);

    public static final Agency POLICE_EAST = new Agency(AgencyCode.of("police-east"), AgencyKind.POLICE);
    public static final Agency HOSPITAL_NORTH = new Agency(AgencyCode.of("hospital-north"), AgencyKind.HEALTH);
    public static final Agency SCHOOL_PARKSIDE = new Agency(AgencyCode.of("school-parkside"), AgencyKind.EDUCATION);
    public static final Agency CSC_COUNTY = new Agency(AgencyCode.of("csc-county"),
            AgencyKind.CHILDRENS_SOCIAL_CARE);

    /** When every fixture entry happened in the world. */
    public static final Instant OCCURRED_AT = Instant.parse("2026-03-02T09:15:00Z");
    public static final Instant DISCHARGED_AT = Instant.parse("2026-03-02T13:40:00Z");

    // Amy's personal details: every one of them must stay out of toString(), logs and messages.
    public static final String GIVEN_NAME = "Amy";
    public static final String FAMILY_NAME = "Example";
    public static final String NHS_NUMBER_DIGITS = "9990000018";
    public static final LocalDate DATE_OF_BIRTH = LocalDate.of(2016, 5, 4);
    public static final String POSTCODE = "ZZ99 3AB";
    public static final String LOCAL_ID_SYSTEM = "police-east/person";
    public static final String LOCAL_ID_VALUE = "PE-FICTIONAL-4471";

    // Free text the agencies wrote: personal too.
    public static final String CONTACT_REASON = "Fictional: neighbour heard shouting and a child crying late at night";
    public static final String DECISION_RATIONALE = "Fictional: parents agreed to early help, no immediate risk seen";
    public static final String PRESENTING_COMPLAINT = "Fictional: bruised forearm after a fall in the park";
    public static final String AE_SAFEGUARDING_CONCERN = "Fictional: account of the fall changed between triage "
            + "and examination";
    public static final String SCHOOL_CONCERN_DESCRIPTION = "Fictional: arrived hungry and without a coat three "
            + "days running";
    public static final String SCHOOL_ACTION_TAKEN = "Fictional: breakfast club place offered, parent invited in";
    public static final String CORRECTION_REASON = "Fictional: wrong number of days recorded";
    public static final String CORRECTED_DETAILS = "{\"description\":\"Fictional: arrived hungry two days running\"}";
    public static final String RETRACTION_REASON = "Fictional: recorded against the wrong pupil";
    public static final String CONSENT_REASON = "Fictional: mother agreed to sharing with the school nurse";
    public static final String WITHDRAWAL_REASON = "Fictional: family asked for sharing to stop";
    public static final String REFUSAL_REASON = "Fictional: father declined sharing beyond the school";
    public static final String NOT_SOUGHT_REASON = "Fictional: asking would alert the alleged perpetrator";
    public static final String EMERGENCY_JUSTIFICATION = "Fictional: pupil missing since registration, "
            + "parents unreachable";
    public static final String RELEASE_REASON = "Fictional: hub agreed the school needs the plan to support Amy";
    public static final String DECLINE_REASON = "Fictional: the attendance detail would not help the school and "
            + "the mother objected";
    public static final String SEAL_REASON = "Fictional: adoption order made by the family court";
    public static final String UNSEAL_REASON = "Fictional: sealed in error, order concerned another child";
    public static final String STRATEGY_RATIONALE = "Fictional: injury unexplained, police and health agree to "
            + "a joint enquiry";
    public static final String ENQUIRY_RATIONALE = "Fictional: concerns substantiated, conference convened";
    /** The username of the one practitioner social care named in the team: not personal data of the child. */
    public static final String TEAM_PRACTITIONER = "fictional.dsl";

    /** An inbox item's id: random in the services, fixed here. Not personal. */
    public static final String NOTICE_ID = "00000000-0000-4000-8000-0000000000a1";
    /** What an inbox notice says: a summary the receiving agency may see, never the child's details. */
    public static final String NOTICE_SUMMARY = "Operation Encompass: this child was involved in a domestic abuse "
            + "incident reported on 2026-03-02. Please make sure a trusted adult in school is ready to support the "
            + "child from 08:00 on 2026-03-03.";
    public static final Instant NOTICE_DELIVER_BY = Instant.parse("2026-03-03T08:00:00Z");

    /** The policy version the fixture disclosure records name: a stored value, so a literal, not the constant. */
    public static final String POLICY_VERSION = "2026.11-1";
    /** A break-glass grant's id: random in the services, fixed here. Not personal. */
    public static final String GRANT_ID = "00000000-0000-4000-8000-0000000000b1";
    /** When the fixture grant opened, and when it expires: four hours later. */
    public static final Instant GRANT_OPENED_AT = Instant.parse("2026-03-03T08:05:00Z");
    public static final Instant GRANT_EXPIRES_AT = Instant.parse("2026-03-03T12:05:00Z");
    public static final String REVIEW_NOTE = "Fictional: pupil was missing, the read was needed to find the lead";

    public static final Consent CONSENT_GIVEN = new Consent(ConsentStatus.GIVEN, null);
    public static final Consent CONSENT_REFUSED = new Consent(ConsentStatus.REFUSED, Sensitive.of(REFUSAL_REASON));
    public static final Consent CONSENT_NOT_SOUGHT = new Consent(ConsentStatus.NOT_SOUGHT_PREJUDICIAL,
            Sensitive.of(NOT_SOUGHT_REASON));
    public static final Consent CONSENT_NOT_REQUIRED = new Consent(ConsentStatus.NOT_REQUIRED, null);
    public static final Consent CONSENT_WITHDRAWN = new Consent(ConsentStatus.WITHDRAWN, null);
    public static final Consent CONSENT_NOT_STATED = Consent.notStated();

    public static final ConsentScope SCOPE_EDUCATION = new ConsentScope(AgencyKind.EDUCATION);

    public static final Viewer HOSPITAL_PRACTITIONER = new Viewer("fictional.nurse", HOSPITAL_NORTH.code(),
            Set.of(Role.PRACTITIONER));
    public static final Viewer SCHOOL_PRACTITIONER = new Viewer("fictional.teacher", SCHOOL_PARKSIDE.code(),
            Set.of(Role.PRACTITIONER));
    public static final Viewer AUDITOR = new Viewer("fictional.auditor", null, Set.of(Role.AUDITOR));
    public static final Viewer HUB_MEMBER = new Viewer("fictional.hub.worker", CSC_COUNTY.code(), Set.of(Role.MASH));
    public static final Viewer SOCIAL_WORKER = new Viewer("fictional.social.worker", CSC_COUNTY.code(),
            Set.of(Role.PRACTITIONER));

    /** Reads approved JSON as the services' event serializer does. */
    private static final ObjectMapper APPROVED = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private JourneyFixtures() {
    }

    /** A fixed, readable entry id: {@code 00000000-0000-4000-8000-0000000000nn}. */
    public static EntryId entry(int number) {
        return EntryId.of(String.format("00000000-0000-4000-8000-%012d", number));
    }

    /** Where an entry from this agency came from: its own record, its client, the fixture's moment. */
    public static Provenance provenance(Agency agency) {
        return new Provenance(agency, agency.code() + "/fictional-record-0001", agency.code() + "-client",
                OCCURRED_AT);
    }

    /** Provenance of an entry the source classed as sensitive. */
    public static Provenance provenance(Agency agency, Sensitivity sensitivity) {
        return new Provenance(agency, agency.code() + "/fictional-record-0001", agency.code() + "-client",
                OCCURRED_AT, sensitivity);
    }

    /** Amy, as the agencies identify her: NHS number, a police local id, name, date of birth, postcode. */
    public static Subject amy() {
        return new Subject(NhsNumber.of(NHS_NUMBER_DIGITS),
                new LocalId(LOCAL_ID_SYSTEM, Sensitive.of(LOCAL_ID_VALUE)), Sensitive.of(GIVEN_NAME),
                Sensitive.of(FAMILY_NAME), Sensitive.of(DATE_OF_BIRTH), Sensitive.of(POSTCODE));
    }

    /** Every personal value in these fixtures, as it would be written out. */
    public static List<String> personalData() {
        return List.of(GIVEN_NAME, FAMILY_NAME, NHS_NUMBER_DIGITS, DATE_OF_BIRTH.toString(), POSTCODE,
                LOCAL_ID_VALUE, CONTACT_REASON, DECISION_RATIONALE, PRESENTING_COMPLAINT, AE_SAFEGUARDING_CONCERN,
                SCHOOL_CONCERN_DESCRIPTION, SCHOOL_ACTION_TAKEN, CORRECTION_REASON, CORRECTED_DETAILS,
                RETRACTION_REASON, CONSENT_REASON, WITHDRAWAL_REASON, REFUSAL_REASON, NOT_SOUGHT_REASON,
                EMERGENCY_JUSTIFICATION, RELEASE_REASON, DECLINE_REASON, SEAL_REASON, UNSEAL_REASON,
                STRATEGY_RATIONALE, ENQUIRY_RATIONALE);
    }

    // --- Contact: children's social care's front door takes a call from Police East.

    public static RecordEntry recordContact() {
        return recordContact(CONTACT);
    }

    public static RecordEntry recordContact(EntryId entryId) {
        return new RecordEntry(new ContactReceived(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_GIVEN,
                Sensitive.of(CONTACT_REASON), ConcernCategory.DOMESTIC_ABUSE, POLICE_EAST.code()));
    }

    public static ContactReceived contactReceived() {
        return contactReceived(CONTACT);
    }

    public static ContactReceived contactReceived(EntryId entryId) {
        return new ContactReceived(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_GIVEN,
                Sensitive.of(CONTACT_REASON), ConcernCategory.DOMESTIC_ABUSE, POLICE_EAST.code());
    }

    // --- Contact decision: the front door decides on that contact.

    public static RecordEntry decideContact() {
        return decideContact(CONTACT_DECISION, CONTACT);
    }

    public static RecordEntry decideContact(EntryId entryId, EntryId contactEntryId) {
        return new RecordEntry(new ContactDecided(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                contactEntryId, FrontDoorDecision.EARLY_HELP, Sensitive.of(DECISION_RATIONALE)));
    }

    public static ContactDecided contactDecided() {
        return contactDecided(CONTACT_DECISION, CONTACT);
    }

    public static ContactDecided contactDecided(EntryId entryId, EntryId contactEntryId) {
        return new ContactDecided(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                contactEntryId, FrontDoorDecision.EARLY_HELP, Sensitive.of(DECISION_RATIONALE));
    }

    // --- A&E attendance at Hospital North.

    public static RecordEntry recordAeAttendance() {
        return recordAeAttendance(AE_ATTENDANCE);
    }

    public static RecordEntry recordAeAttendance(EntryId entryId) {
        return new RecordEntry(new AeAttendanceRecorded(JOURNEY, entryId, provenance(HOSPITAL_NORTH), amy(), CONSENT_GIVEN,
                "North General (fictional) emergency department", Sensitive.of(PRESENTING_COMPLAINT), true,
                DISCHARGED_AT, Sensitive.of(AE_SAFEGUARDING_CONCERN)));
    }

    public static AeAttendanceRecorded aeAttendanceRecorded() {
        return aeAttendanceRecorded(AE_ATTENDANCE);
    }

    public static AeAttendanceRecorded aeAttendanceRecorded(EntryId entryId) {
        return new AeAttendanceRecorded(JOURNEY, entryId, provenance(HOSPITAL_NORTH), amy(), CONSENT_GIVEN,
                "North General (fictional) emergency department", Sensitive.of(PRESENTING_COMPLAINT), true,
                DISCHARGED_AT, Sensitive.of(AE_SAFEGUARDING_CONCERN));
    }

    // --- Domestic abuse notification from Police East, shared without consent because asking would alert.

    public static RecordEntry notifyDomesticAbuse() {
        return notifyDomesticAbuse(DOMESTIC_ABUSE_NOTIFICATION);
    }

    public static RecordEntry notifyDomesticAbuse(EntryId entryId) {
        return new RecordEntry(new DomesticAbuseNotified(JOURNEY, entryId, provenance(POLICE_EAST), amy(), CONSENT_NOT_SOUGHT,
                "PE-FICTIONAL-INC-0042", true, RiskLevel.MEDIUM, true));
    }

    public static DomesticAbuseNotified domesticAbuseNotified() {
        return domesticAbuseNotified(DOMESTIC_ABUSE_NOTIFICATION);
    }

    public static DomesticAbuseNotified domesticAbuseNotified(EntryId entryId) {
        return new DomesticAbuseNotified(JOURNEY, entryId, provenance(POLICE_EAST), amy(), CONSENT_NOT_SOUGHT,
                "PE-FICTIONAL-INC-0042", true, RiskLevel.MEDIUM, true);
    }

    // --- School concern from Parkside, shared although the father refused consent.

    public static RecordEntry raiseSchoolConcern() {
        return raiseSchoolConcern(SCHOOL_CONCERN);
    }

    public static RecordEntry raiseSchoolConcern(EntryId entryId) {
        return new RecordEntry(new SchoolConcernRaised(JOURNEY, entryId, provenance(SCHOOL_PARKSIDE), amy(), CONSENT_REFUSED,
                ConcernCategory.NEGLECT, Sensitive.of(SCHOOL_CONCERN_DESCRIPTION), Sensitive.of(SCHOOL_ACTION_TAKEN)));
    }

    public static SchoolConcernRaised schoolConcernRaised() {
        return schoolConcernRaised(SCHOOL_CONCERN);
    }

    public static SchoolConcernRaised schoolConcernRaised(EntryId entryId) {
        return new SchoolConcernRaised(JOURNEY, entryId, provenance(SCHOOL_PARKSIDE), amy(), CONSENT_REFUSED,
                ConcernCategory.NEGLECT, Sensitive.of(SCHOOL_CONCERN_DESCRIPTION), Sensitive.of(SCHOOL_ACTION_TAKEN));
    }

    // --- Child protection plan, recorded by children's social care.

    public static RecordEntry startChildProtectionPlan() {
        return startChildProtectionPlan(PLAN_STARTED);
    }

    public static RecordEntry startChildProtectionPlan(EntryId entryId) {
        return new RecordEntry(new ChildProtectionPlanStarted(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_REQUIRED,
                PlanCategory.NEGLECT));
    }

    public static ChildProtectionPlanStarted childProtectionPlanStarted() {
        return childProtectionPlanStarted(PLAN_STARTED);
    }

    public static ChildProtectionPlanStarted childProtectionPlanStarted(EntryId entryId) {
        return new ChildProtectionPlanStarted(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_REQUIRED,
                PlanCategory.NEGLECT);
    }

    public static RecordEntry endChildProtectionPlan() {
        return endChildProtectionPlan(PLAN_ENDED);
    }

    public static RecordEntry endChildProtectionPlan(EntryId entryId) {
        return new RecordEntry(new ChildProtectionPlanEnded(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_REQUIRED,
                PlanCategory.NEGLECT));
    }

    public static ChildProtectionPlanEnded childProtectionPlanEnded() {
        return childProtectionPlanEnded(PLAN_ENDED);
    }

    public static ChildProtectionPlanEnded childProtectionPlanEnded(EntryId entryId) {
        return new ChildProtectionPlanEnded(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_REQUIRED,
                PlanCategory.NEGLECT);
    }

    // --- Involvement: children's social care allocates a social worker.

    public static RecordEntry startInvolvement() {
        return startInvolvement(INVOLVEMENT_STARTED);
    }

    public static RecordEntry startInvolvement(EntryId entryId) {
        return new RecordEntry(new InvolvementStarted(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                "allocated social worker"));
    }

    public static InvolvementStarted involvementStarted() {
        return involvementStarted(INVOLVEMENT_STARTED);
    }

    public static InvolvementStarted involvementStarted(EntryId entryId) {
        return new InvolvementStarted(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                "allocated social worker");
    }

    public static RecordEntry endInvolvement() {
        return endInvolvement(INVOLVEMENT_ENDED);
    }

    public static RecordEntry endInvolvement(EntryId entryId) {
        return new RecordEntry(new InvolvementEnded(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                "allocated social worker"));
    }

    public static InvolvementEnded involvementEnded() {
        return involvementEnded(INVOLVEMENT_ENDED);
    }

    public static InvolvementEnded involvementEnded(EntryId entryId) {
        return new InvolvementEnded(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                "allocated social worker");
    }

    // --- Corrections and retractions: by default, Parkside amending its own school concern.

    public static RecordEntry correctEntry() {
        return correctEntry(CORRECTION, SCHOOL_PARKSIDE, SCHOOL_CONCERN);
    }

    public static RecordEntry correctEntry(EntryId entryId, Agency by, EntryId target) {
        return new RecordEntry(new EntryCorrected(JOURNEY, entryId, provenance(by), amy(), CONSENT_NOT_STATED, target,
                Sensitive.of(CORRECTION_REASON), Sensitive.of(CORRECTED_DETAILS)));
    }

    public static EntryCorrected entryCorrected() {
        return entryCorrected(CORRECTION, SCHOOL_PARKSIDE, SCHOOL_CONCERN);
    }

    public static EntryCorrected entryCorrected(EntryId entryId, Agency by, EntryId target) {
        return new EntryCorrected(JOURNEY, entryId, provenance(by), amy(), CONSENT_NOT_STATED, target,
                Sensitive.of(CORRECTION_REASON), Sensitive.of(CORRECTED_DETAILS));
    }

    public static RecordEntry retractEntry() {
        return retractEntry(RETRACTION, SCHOOL_PARKSIDE, SCHOOL_CONCERN);
    }

    public static RecordEntry retractEntry(EntryId entryId, Agency by, EntryId target) {
        return new RecordEntry(new EntryRetracted(JOURNEY, entryId, provenance(by), amy(), CONSENT_NOT_STATED, target,
                Sensitive.of(RETRACTION_REASON)));
    }

    public static EntryRetracted entryRetracted() {
        return entryRetracted(RETRACTION, SCHOOL_PARKSIDE, SCHOOL_CONCERN);
    }

    public static EntryRetracted entryRetracted(EntryId entryId, Agency by, EntryId target) {
        return new EntryRetracted(JOURNEY, entryId, provenance(by), amy(), CONSENT_NOT_STATED, target,
                Sensitive.of(RETRACTION_REASON));
    }

    // --- Journey-level consent, recorded by children's social care.

    public static RecordEntry recordConsent() {
        return recordConsent(CONSENT_RECORD);
    }

    public static RecordEntry recordConsent(EntryId entryId) {
        return new RecordEntry(new ConsentRecorded(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_GIVEN, SCOPE_EDUCATION,
                Sensitive.of(CONSENT_REASON)));
    }

    public static ConsentRecorded consentRecorded() {
        return consentRecorded(CONSENT_RECORD);
    }

    public static ConsentRecorded consentRecorded(EntryId entryId) {
        return new ConsentRecorded(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_GIVEN, SCOPE_EDUCATION,
                Sensitive.of(CONSENT_REASON));
    }

    public static RecordEntry withdrawConsent() {
        return withdrawConsent(CONSENT_WITHDRAWAL);
    }

    public static RecordEntry withdrawConsent(EntryId entryId) {
        return new RecordEntry(new ConsentWithdrawn(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_WITHDRAWN,
                ConsentScope.all(), Sensitive.of(WITHDRAWAL_REASON)));
    }

    public static ConsentWithdrawn consentWithdrawn() {
        return consentWithdrawn(CONSENT_WITHDRAWAL);
    }

    public static ConsentWithdrawn consentWithdrawn(EntryId entryId) {
        return new ConsentWithdrawn(JOURNEY, entryId, provenance(CSC_COUNTY), amy(), CONSENT_WITHDRAWN,
                ConsentScope.all(), Sensitive.of(WITHDRAWAL_REASON));
    }

    // --- A strategy discussion with the police opens a s.47 enquiry, which concludes in a conference.

    public static RecordEntry holdStrategyDiscussion() {
        return new RecordEntry(new StrategyDiscussionHeld(JOURNEY, STRATEGY_DISCUSSION, provenance(CSC_COUNTY), amy(),
                CONSENT_NOT_REQUIRED, StrategyDecision.S47_ENQUIRY, List.of(POLICE_EAST.code()),
                Sensitive.of(STRATEGY_RATIONALE)));
    }

    public static StrategyDiscussionHeld strategyDiscussionHeld() {
        return strategyDiscussionHeld(StrategyDecision.S47_ENQUIRY);
    }

    public static StrategyDiscussionHeld strategyDiscussionHeld(StrategyDecision decision) {
        return new StrategyDiscussionHeld(JOURNEY, STRATEGY_DISCUSSION, provenance(CSC_COUNTY), amy(),
                CONSENT_NOT_REQUIRED, decision, List.of(POLICE_EAST.code()), Sensitive.of(STRATEGY_RATIONALE));
    }

    public static RecordEntry concludeEnquiry() {
        return new RecordEntry(new EnquiryConcluded(JOURNEY, ENQUIRY_OUTCOME, provenance(CSC_COUNTY), amy(), CONSENT_NOT_REQUIRED,
                STRATEGY_DISCUSSION, EnquiryOutcome.CHILD_PROTECTION_CONFERENCE, Sensitive.of(ENQUIRY_RATIONALE)));
    }

    public static EnquiryConcluded enquiryConcluded() {
        return new EnquiryConcluded(JOURNEY, ENQUIRY_OUTCOME, provenance(CSC_COUNTY), amy(), CONSENT_NOT_REQUIRED,
                STRATEGY_DISCUSSION, EnquiryOutcome.CHILD_PROTECTION_CONFERENCE, Sensitive.of(ENQUIRY_RATIONALE));
    }

    // --- The team around the child: social care adds Parkside's safeguarding lead, later removes her.

    public static RecordEntry addTeamMember() {
        return new RecordEntry(new TeamMemberAdded(JOURNEY, TEAM_MEMBER_ADDED, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                SCHOOL_PARKSIDE.code(), TeamRole.CORE_GROUP, TEAM_PRACTITIONER));
    }

    public static TeamMemberAdded teamMemberAdded() {
        return new TeamMemberAdded(JOURNEY, TEAM_MEMBER_ADDED, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                SCHOOL_PARKSIDE.code(), TeamRole.CORE_GROUP, TEAM_PRACTITIONER);
    }

    public static RecordEntry removeTeamMember() {
        return new RecordEntry(new TeamMemberRemoved(JOURNEY, TEAM_MEMBER_REMOVED, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                SCHOOL_PARKSIDE.code(), TeamRole.CORE_GROUP, TEAM_PRACTITIONER));
    }

    public static TeamMemberRemoved teamMemberRemoved() {
        return new TeamMemberRemoved(JOURNEY, TEAM_MEMBER_REMOVED, provenance(CSC_COUNTY), amy(), CONSENT_NOT_STATED,
                SCHOOL_PARKSIDE.code(), TeamRole.CORE_GROUP, TEAM_PRACTITIONER);
    }

    // --- Hub releases and decisions not to share: the hub, at the county's children's social care.

    /** The hub releases the police notification and the plan to Parkside, so the school can support Amy. */
    public static ReleaseEntries releaseEntries() {
        return releaseEntries(List.of(DOMESTIC_ABUSE_NOTIFICATION, PLAN_STARTED));
    }

    public static ReleaseEntries releaseEntries(List<EntryId> entryIds) {
        return new ReleaseEntries(JOURNEY, hubRequest(), SCHOOL_PARKSIDE.code(), entryIds,
                Sensitive.of(RELEASE_REASON));
    }

    /** The hub asks, for triage, now: the given events of a test fixture are recorded now. */
    public static AccessRequest hubRequest() {
        return new AccessRequest(HUB_MEMBER, AgencyKind.CHILDRENS_SOCIAL_CARE, Purpose.MASH_TRIAGE, ReadKind.TIMELINE,
                null, Instant.now());
    }

    /** A teacher with no ground on the journey asks. */
    public static AccessRequest groundlessRequest() {
        return new AccessRequest(SCHOOL_PRACTITIONER, AgencyKind.EDUCATION, Purpose.CHILD_IN_NEED, ReadKind.TIMELINE,
                null, Instant.now());
    }

    public static SharingRefused sharingRefused(Viewer askedBy, boolean released, List<EntryId> entryIds,
            SharingRefusal refusal) {
        return new SharingRefused(JOURNEY, askedBy, released, SCHOOL_PARKSIDE.code(), entryIds, refusal);
    }

    public static EntriesReleased entriesReleased() {
        return entriesReleased(List.of(DOMESTIC_ABUSE_NOTIFICATION, PLAN_STARTED));
    }

    public static EntriesReleased entriesReleased(List<EntryId> entryIds) {
        return new EntriesReleased(JOURNEY, HUB_MEMBER, SCHOOL_PARKSIDE.code(), entryIds,
                Sensitive.of(RELEASE_REASON));
    }

    /** The hub decides not to share the A&amp;E attendance with Parkside, and says why. */
    public static DeclineSharing declineSharing() {
        return declineSharing(List.of(AE_ATTENDANCE));
    }

    public static DeclineSharing declineSharing(List<EntryId> entryIds) {
        return new DeclineSharing(JOURNEY, hubRequest(), SCHOOL_PARKSIDE.code(), entryIds,
                Sensitive.of(DECLINE_REASON));
    }

    public static SharingDeclined sharingDeclined() {
        return sharingDeclined(List.of(AE_ATTENDANCE));
    }

    public static SharingDeclined sharingDeclined(List<EntryId> entryIds) {
        return new SharingDeclined(JOURNEY, HUB_MEMBER, SCHOOL_PARKSIDE.code(), entryIds,
                Sensitive.of(DECLINE_REASON));
    }

    // --- Sealing: the county's social worker seals Amy's journey after adoption, and unseals one sealed in error.

    public static SealJourney sealJourney() {
        return new SealJourney(JOURNEY, SOCIAL_WORKER, Sensitive.of(SEAL_REASON));
    }

    public static JourneySealed journeySealed() {
        return new JourneySealed(JOURNEY, SOCIAL_WORKER, Sensitive.of(SEAL_REASON));
    }

    // --- Erasure: an administrator erases a journey recorded about the wrong child.

    public static final Viewer ADMINISTRATOR = new Viewer("fictional.admin", null, Set.of(Role.ADMIN));

    public static final String ERASURE_REASON = "Fictional: entries recorded against the wrong child, confirmed by the hub";

    public static EraseJourney eraseJourney() {
        return new EraseJourney(JOURNEY, ADMINISTRATOR, ErasureGround.WRONG_CHILD, ERASURE_REASON);
    }

    public static JourneyErased journeyErased() {
        return new JourneyErased(JOURNEY, ADMINISTRATOR, ErasureGround.WRONG_CHILD, ERASURE_REASON);
    }

    public static ContentErased contentErased() {
        return new ContentErased(JOURNEY);
    }

    public static UnsealJourney unsealJourney() {
        return new UnsealJourney(JOURNEY, SOCIAL_WORKER, Sensitive.of(UNSEAL_REASON));
    }

    public static JourneyUnsealed journeyUnsealed() {
        return new JourneyUnsealed(JOURNEY, SOCIAL_WORKER, Sensitive.of(UNSEAL_REASON));
    }

    // --- Break-glass: a teacher reads Amy's record in an emergency, and an auditor reviews the grant.

    /** The teacher's emergency read at {@code at}; a grant it opens takes {@code grantId}. */
    public static OpenBreakGlass openBreakGlass(String grantId, Instant at) {
        return new OpenBreakGlass(JOURNEY, grantId, SCHOOL_PRACTITIONER, Sensitive.of(EMERGENCY_JUSTIFICATION), at,
                null);
    }

    public static ReviewBreakGlass reviewBreakGlass() {
        return new ReviewBreakGlass(JOURNEY, GRANT_ID, AUDITOR, BreakGlassOutcome.JUSTIFIED,
                Sensitive.of(REVIEW_NOTE));
    }

    public static BreakGlassGranted breakGlassGranted() {
        return new BreakGlassGranted(JOURNEY, GRANT_ID, SCHOOL_PRACTITIONER, Sensitive.of(EMERGENCY_JUSTIFICATION),
                GRANT_OPENED_AT, GRANT_EXPIRES_AT);
    }

    public static BreakGlassReviewed breakGlassReviewed() {
        return new BreakGlassReviewed(JOURNEY, GRANT_ID, AUDITOR, BreakGlassOutcome.JUSTIFIED,
                Sensitive.of(REVIEW_NOTE));
    }

    // --- Identity: a submission whose NHS number and local id point to two journeys; the hub decides.

    public static final String DUPLICATE_TASK_ID = "7a5c0000-0000-4000-8000-000000000001";

    public static PossibleDuplicateRaised possibleDuplicateRaised() {
        return new PossibleDuplicateRaised(JOURNEY, DUPLICATE_TASK_ID, OTHER_JOURNEY,
                DuplicateReason.DEMOGRAPHICS_ALIKE, 6.0, List.of("same date of birth", "different given name",
                        "same family name", "same postcode"));
    }

    public static PossibleDuplicateResolved possibleDuplicateResolved() {
        return new PossibleDuplicateResolved(JOURNEY, DUPLICATE_TASK_ID, HUB_MEMBER,
                DuplicateDecision.DIFFERENT_CHILDREN, Sensitive.of("Twins: the school confirmed two children"));
    }

    // --- The hub decides the two journeys are Amy's, links them, and later finds it was wrong and undoes the link.

    public static JourneysLinked journeysLinked() {
        return new JourneysLinked(JOURNEY, OTHER_JOURNEY, HUB_MEMBER,
                Sensitive.of("Same NHS number confirmed with the GP practice"));
    }

    public static JourneysUnlinked journeysUnlinked() {
        return new JourneysUnlinked(JOURNEY, OTHER_JOURNEY, HUB_MEMBER,
                Sensitive.of("The GP practice corrected its record: two children"));
    }

    // --- Inbox: Parkside hears of a night's domestic abuse for the next school day, and its system acknowledges.

    public static AgencyNotified agencyNotified() {
        return new AgencyNotified(NOTICE_ID, SCHOOL_PARKSIDE.code(), NoticeKind.ENCOMPASS_NOTICE, JOURNEY,
                List.of(DOMESTIC_ABUSE_NOTIFICATION), NOTICE_SUMMARY, NOTICE_DELIVER_BY);
    }

    public static NoticeAcknowledged noticeAcknowledged() {
        return new NoticeAcknowledged(NOTICE_ID, SCHOOL_PARKSIDE.code(), SCHOOL_PARKSIDE.code() + "-client", JOURNEY);
    }

    public static RaiseNotice raiseNotice() {
        return new RaiseNotice(JOURNEY, NOTICE_ID, SCHOOL_PARKSIDE.code(), NoticeKind.ENCOMPASS_NOTICE,
                List.of(DOMESTIC_ABUSE_NOTIFICATION), NOTICE_SUMMARY, NOTICE_DELIVER_BY);
    }

    public static AcknowledgeNotice acknowledgeNotice(AgencyCode agency) {
        return new AcknowledgeNotice(JOURNEY, NOTICE_ID, agency, agency + "-client");
    }

    /** Parkside's system read its inbox, which held the one notice about Amy. */
    public static InboxRead inboxRead() {
        return new InboxRead(SCHOOL_PARKSIDE.code(), SCHOOL_PARKSIDE.code() + "-client", List.of(NOTICE_ID),
                List.of(JOURNEY));
    }

    // --- Disclosure records.

    /** A hospital nurse read Amy's timeline at triage; the school concern shared under refusal was withheld. */
    public static JourneyDisclosed journeyDisclosed() {
        return new JourneyDisclosed(JOURNEY, HOSPITAL_PRACTITIONER, Purpose.UNSCHEDULED_CARE, null,
                ReadKind.TIMELINE, LawfulBasis.HEALTH_AND_CARE, List.of(Ground.TRIAGE_CHECK),
                List.of(CONTACT, AE_ATTENDANCE), List.of(SCHOOL_CONCERN), "2026.12-1");
    }

    /** A teacher claimed an emergency without any relationship with Amy and was refused. */
    public static AccessRefused accessRefused() {
        return new AccessRefused(JOURNEY, SCHOOL_PRACTITIONER, Purpose.EMERGENCY,
                Sensitive.of(EMERGENCY_JUSTIFICATION), ReadKind.TIMELINE, RefusalReason.NO_LEGITIMATE_RELATIONSHIP,
                POLICY_VERSION);
    }

    /** A hub member searched by an identifier; Amy's journey was returned and another withheld. */
    public static JourneysSearched journeysSearched() {
        return new JourneysSearched(HUB_MEMBER, Purpose.MASH_TRIAGE, null, ReadKind.SEARCH, List.of(JOURNEY),
                List.of(OTHER_JOURNEY), POLICY_VERSION);
    }

    /** An auditor listed the disclosure log, which showed reads of Amy's journey and another. */
    public static AuditTrailRead auditTrailRead() {
        return new AuditTrailRead(AUDITOR, Purpose.CASE_REVIEW, ReadKind.AUDIT_TRAIL, "disclosures",
                List.of(JOURNEY, OTHER_JOURNEY), "2026.12-1");
    }

    /**
     * One fixture of every event the record stores, each with an approved JSON in
     * {@code event-schemas/<Event>/rev-<revision>.json}: what the schema tests, here and in the services, check the
     * serializers against. An entry type with no fixture here (one added since) is exemplified by its approved JSON,
     * read as its record.
     */
    public static List<Object> everyEvent() {
        List<Object> events = new ArrayList<>(withFixtures());
        for (EntryType type : EntryType.values()) {
            if (events.stream().noneMatch(type.entryRecord()::isInstance)) {
                events.add(approvedExample(type.entryRecord()));
            }
        }
        return List.copyOf(events);
    }

    private static JourneyEntry approvedExample(Class<? extends JourneyEntry> type) {
        Revision revision = type.getAnnotation(Revision.class);
        String approved = "/event-schemas/" + type.getSimpleName() + "/rev-" + revision.value() + ".json";
        try (InputStream stored = JourneyFixtures.class.getResourceAsStream(approved)) {
            if (stored == null) {
                throw new IllegalStateException("no approved JSON " + approved + " for the entry type's record");
            }
            return APPROVED.readValue(stored, type);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<Object> withFixtures() {
        return List.of(
                JourneyFixtures.contactReceived(),
                JourneyFixtures.contactDecided(),
                JourneyFixtures.aeAttendanceRecorded(),
                JourneyFixtures.domesticAbuseNotified(),
                JourneyFixtures.schoolConcernRaised(),
                JourneyFixtures.childProtectionPlanStarted(),
                JourneyFixtures.childProtectionPlanEnded(),
                JourneyFixtures.involvementStarted(),
                JourneyFixtures.involvementEnded(),
                JourneyFixtures.entryCorrected(),
                JourneyFixtures.entryRetracted(),
                JourneyFixtures.consentRecorded(),
                JourneyFixtures.consentWithdrawn(),
                JourneyFixtures.strategyDiscussionHeld(),
                JourneyFixtures.enquiryConcluded(),
                JourneyFixtures.teamMemberAdded(),
                JourneyFixtures.teamMemberRemoved(),
                JourneyFixtures.entriesReleased(),
                JourneyFixtures.sharingDeclined(),
                JourneyFixtures.sharingRefused(SCHOOL_PRACTITIONER, true, List.of(AE_ATTENDANCE),
                        SharingRefusal.NO_GROUND),
                JourneyFixtures.journeySealed(),
                JourneyFixtures.journeyErased(),
                JourneyFixtures.contentErased(),
                JourneyFixtures.journeyUnsealed(),
                JourneyFixtures.breakGlassGranted(),
                JourneyFixtures.breakGlassReviewed(),
                JourneyFixtures.journeyDisclosed(),
                JourneyFixtures.accessRefused(),
                JourneyFixtures.journeysSearched(),
                JourneyFixtures.auditTrailRead(),
                JourneyFixtures.agencyNotified(),
                JourneyFixtures.noticeAcknowledged(),
                JourneyFixtures.possibleDuplicateRaised(),
                JourneyFixtures.possibleDuplicateResolved(),
                JourneyFixtures.journeysLinked(),
                JourneyFixtures.journeysUnlinked(),
                JourneyFixtures.inboxRead());
    }
}
