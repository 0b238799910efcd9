package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EnquiryOutcome;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.command.AddTeamMember;
import org.childjourney.core.journey.command.ConcludeEnquiry;
import org.childjourney.core.journey.command.CorrectEntry;
import org.childjourney.core.journey.command.DecideContact;
import org.childjourney.core.journey.command.EndChildProtectionPlan;
import org.childjourney.core.journey.command.EndInvolvement;
import org.childjourney.core.journey.command.HoldStrategyDiscussion;
import org.childjourney.core.journey.command.NotifyDomesticAbuse;
import org.childjourney.core.journey.command.RaiseSchoolConcern;
import org.childjourney.core.journey.command.RecordAeAttendance;
import org.childjourney.core.journey.command.RecordConsent;
import org.childjourney.core.journey.command.RecordContact;
import org.childjourney.core.journey.command.RemoveTeamMember;
import org.childjourney.core.journey.command.RetractEntry;
import org.childjourney.core.journey.command.StartChildProtectionPlan;
import org.childjourney.core.journey.command.StartInvolvement;
import org.childjourney.core.journey.command.WithdrawConsent;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Sensitivity;
import org.childjourney.gateway.intake.Submission.EntryCommand;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Translates an agency's submission, as the public contract shapes it, into a validated {@link Submission}: every
 * invalid field is reported at once, and nothing reaches the journey until the whole submission is valid.
 */
@Component
class SubmissionTranslator {

    private static final boolean REQUIRED = true;
    private static final boolean OPTIONAL = false;
    private static final int MAX_ID = 200;

    private final Clock clock;

    SubmissionTranslator(Clock clock) {
        this.clock = clock;
    }

    /** @throws InvalidSubmission listing every invalid field */
    Submission translate(JsonNode body) {
        FieldReader reader = new FieldReader(clock.instant());
        if (!body.isObject()) {
            reader.reject("$", "must be a JSON object");
            reader.throwIfInvalid();
        }
        String sourceRecordId = reader.identifier(body, "sourceRecordId", REQUIRED, MAX_ID);
        EntryType type = reader.parsed(body, "type", REQUIRED,
                text -> EntryType.fromWireName(text).orElseThrow(IllegalArgumentException::new),
                "must be one of: " + String.join(", ", Arrays.stream(EntryType.values())
                        .map(EntryType::wireName).toList()));
        Instant occurredAt = reader.instant(body, "occurredAt", REQUIRED);
        Sensitivity sensitivity = reader.choice(body, "sensitivity", Sensitivity.class, OPTIONAL);
        Subject subject = subject(body.path("subject"), reader);
        Consent consent = consent(body.path("consent"), type, reader);
        JsonNode details = body.path("details");
        EntryCommand command = null;
        EntryReference reference = null;
        ObjectNode correctedDetails = null;
        if (!details.isObject()) {
            reader.reject("details", "must be an object");
        } else if (type != null) {
            command = details(type, details, "details", reader);
            reference = reference(type, details, reader);
            if (type == EntryType.ENTRY_CORRECTED) {
                if (details.path("correctedDetails") instanceof ObjectNode corrected) {
                    correctedDetails = corrected;
                } else {
                    reader.reject("details.correctedDetails", "must be an object in the corrected entry's shape");
                }
            }
        }
        reader.throwIfInvalid();
        ConsentScope consentScope = type == EntryType.CONSENT_RECORDED || type == EntryType.CONSENT_WITHDRAWN
                ? scope(details, "details", new FieldReader(clock.instant())) : null;
        return new Submission(Objects.requireNonNull(sourceRecordId), Objects.requireNonNull(type),
                Objects.requireNonNull(occurredAt), sensitivity == null ? Sensitivity.NONE : sensitivity,
                Objects.requireNonNull(subject), consent, reference, correctedDetails, consentScope,
                Objects.requireNonNull(command));
    }

    /**
     * Checks a correction's details against the type of the entry it corrects, and keeps only the fields that type
     * defines, each already checked to be of its type: whatever else an agency sends is never recorded, so that no
     * reader of the event meets agency-shaped structure it did not ask for.
     *
     * @throws InvalidSubmission listing every invalid field
     */
    void checkCorrectedDetails(EntryType targetType, ObjectNode correctedDetails) {
        FieldReader reader = new FieldReader(clock.instant());
        details(targetType, correctedDetails, "details.correctedDetails", reader);
        reader.throwIfInvalid();
        correctedDetails.retain(reader.fieldsRead());
    }

    private static @Nullable Subject subject(JsonNode node, FieldReader reader) {
        if (!node.isObject()) {
            reader.reject("subject", "is required: an object with nhsNumber or localId");
            return null;
        }
        NhsNumber nhsNumber = reader.parsed(node, "subject.nhsNumber", OPTIONAL, NhsNumber::of,
                "must be a valid NHS number: 10 digits with a modulus 11 check digit");
        LocalId localId = null;
        JsonNode local = node.path("localId");
        if (local.isObject()) {
            String system = reader.identifier(local, "subject.localId.system", REQUIRED, MAX_ID);
            String value = reader.identifier(local, "subject.localId.value", REQUIRED, MAX_ID);
            localId = system == null || value == null ? null : new LocalId(system, Sensitive.of(value));
        } else if (!local.isMissingNode() && !local.isNull()) {
            reader.reject("subject.localId", "must be an object with system and value");
        }
        if (nhsNumber == null && localId == null && !node.has("nhsNumber") && !local.isObject()) {
            reader.reject("subject", "needs at least one of nhsNumber or localId");
        }
        String givenName = reader.text(node, "subject.givenName", OPTIONAL, MAX_ID);
        String familyName = reader.text(node, "subject.familyName", OPTIONAL, MAX_ID);
        LocalDate dateOfBirth = reader.date(node, "subject.dateOfBirth", OPTIONAL);
        String postcode = reader.text(node, "subject.postcode", OPTIONAL, 10);
        return new Subject(nhsNumber, localId, Sensitive.ofNullable(givenName), Sensitive.ofNullable(familyName),
                Sensitive.ofNullable(dateOfBirth), Sensitive.ofNullable(postcode));
    }

    private static Consent consent(JsonNode node, @Nullable EntryType type, FieldReader reader) {
        if (node.isMissingNode() || node.isNull()) {
            if (type != null && type.requiresConsent()) {
                reader.reject("consent", "is required for a " + type.wireName()
                        + ": given, refused, not-sought-prejudicial or not-required");
            }
            return type == EntryType.CONSENT_WITHDRAWN
                    ? new Consent(ConsentStatus.WITHDRAWN, null)
                    : Consent.notStated();
        }
        if (!node.isObject()) {
            reader.reject("consent", "must be an object with status and, where needed, reason");
            return Consent.notStated();
        }
        ConsentStatus status = reader.parsed(node, "consent.status", REQUIRED, SubmissionTranslator::wireConsent,
                "must be one of: given, refused, not-sought-prejudicial, not-required");
        String reason = reader.text(node, "consent.reason", status != null && status.needsReason());
        if (type == EntryType.CONSENT_WITHDRAWN) {
            status = ConsentStatus.WITHDRAWN;
        }
        return new Consent(status, Sensitive.ofNullable(reason));
    }

    private static ConsentStatus wireConsent(String text) {
        ConsentStatus status = ConsentStatus.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (status == ConsentStatus.WITHDRAWN || status == ConsentStatus.NOT_STATED) {
            throw new IllegalArgumentException("not a submittable consent status");
        }
        return status;
    }

    private static @Nullable EntryReference reference(EntryType type, JsonNode details, FieldReader reader) {
        return switch (type) {
            case CONTACT_DECISION -> {
                String sourceRecordId = reader.identifier(details, "details.contactSourceRecordId", OPTIONAL, MAX_ID);
                EntryId entryId = reader.parsed(details, "details.contactEntryId", OPTIONAL, EntryId::of,
                        "must be an entry id");
                if ((sourceRecordId == null) == (entryId == null) && reader.problems().isEmpty()) {
                    reader.reject("details.contactSourceRecordId",
                            "exactly one of contactSourceRecordId or contactEntryId is required");
                }
                yield new EntryReference(entryId == null ? "details.contactSourceRecordId" : "details.contactEntryId",
                        sourceRecordId, entryId);
            }
            case ENTRY_CORRECTED, ENTRY_RETRACTED -> new EntryReference("details.targetSourceRecordId",
                    reader.identifier(details, "details.targetSourceRecordId", REQUIRED, MAX_ID), null);
            case S47_OUTCOME -> new EntryReference("details.strategyDiscussionSourceRecordId",
                    reader.identifier(details, "details.strategyDiscussionSourceRecordId", REQUIRED, MAX_ID), null);
            default -> null;
        };
    }

    /** Reads the details of one type and returns how to build its command; problems go to the reader. */
    private static EntryCommand details(EntryType type, JsonNode d, String at, FieldReader reader) {
        return switch (type) {
            case CONTACT -> {
                Sensitive<String> reason = sensitive(reader.text(d, at + ".reason", REQUIRED));
                ConcernCategory category = reader.choice(d, at + ".category", ConcernCategory.class, REQUIRED);
                AgencyCode referrer = reader.parsed(d, at + ".referrerAgency", OPTIONAL, AgencyCode::of,
                        "must be an agency code, e.g. school-parkside");
                yield (h, ref) -> new RecordContact(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), reason, category, referrer);
            }
            case CONTACT_DECISION -> {
                FrontDoorDecision decision = reader.choice(d, at + ".decision", FrontDoorDecision.class, REQUIRED);
                Sensitive<String> rationale = sensitive(reader.text(d, at + ".rationale", REQUIRED));
                yield (h, contact) -> new DecideContact(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), Objects.requireNonNull(contact), decision, rationale);
            }
            case AE_ATTENDANCE -> {
                String site = reader.text(d, at + ".site", REQUIRED, MAX_ID);
                Sensitive<String> complaint = sensitive(reader.text(d, at + ".presentingComplaint", REQUIRED));
                Boolean injury = reader.bool(d, at + ".injury", REQUIRED);
                Instant dischargedAt = reader.instant(d, at + ".dischargedAt", REQUIRED);
                Sensitive<String> concern = Sensitive.ofNullable(reader.text(d, at + ".safeguardingConcern", OPTIONAL));
                yield (h, ref) -> new RecordAeAttendance(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), site, complaint, Boolean.TRUE.equals(injury), dischargedAt, concern);
            }
            case DOMESTIC_ABUSE_NOTIFICATION -> {
                String incident = reader.identifier(d, at + ".incidentReference", REQUIRED, MAX_ID);
                Boolean childPresent = reader.bool(d, at + ".childPresent", REQUIRED);
                RiskLevel risk = reader.choice(d, at + ".riskLevel", RiskLevel.class, REQUIRED);
                Boolean notifySchool = reader.bool(d, at + ".notifySchool", OPTIONAL);
                yield (h, ref) -> new NotifyDomesticAbuse(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), incident, Boolean.TRUE.equals(childPresent), risk,
                        Boolean.TRUE.equals(notifySchool));
            }
            case SCHOOL_CONCERN -> {
                ConcernCategory category = reader.choice(d, at + ".category", ConcernCategory.class, REQUIRED);
                Sensitive<String> description = sensitive(reader.text(d, at + ".description", REQUIRED));
                Sensitive<String> action = sensitive(reader.text(d, at + ".actionTaken", REQUIRED));
                yield (h, ref) -> new RaiseSchoolConcern(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), category, description, action);
            }
            case CP_PLAN_STARTED -> {
                PlanCategory category = reader.choice(d, at + ".category", PlanCategory.class, REQUIRED);
                yield (h, ref) -> new StartChildProtectionPlan(h.journeyId(), h.entryId(), h.provenance(),
                        h.subject(), h.consent(), category);
            }
            case CP_PLAN_ENDED -> {
                PlanCategory category = reader.choice(d, at + ".category", PlanCategory.class, REQUIRED);
                yield (h, ref) -> new EndChildProtectionPlan(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), category);
            }
            case INVOLVEMENT_STARTED -> {
                String role = reader.text(d, at + ".role", REQUIRED, MAX_ID);
                yield (h, ref) -> new StartInvolvement(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), role);
            }
            case INVOLVEMENT_ENDED -> {
                String role = reader.text(d, at + ".role", REQUIRED, MAX_ID);
                yield (h, ref) -> new EndInvolvement(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), role);
            }
            case ENTRY_CORRECTED -> {
                Sensitive<String> reason = sensitive(reader.text(d, at + ".reason", REQUIRED));
                // Written when the command is built: after checkCorrectedDetails has kept only the target's fields.
                yield (h, target) -> new CorrectEntry(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), Objects.requireNonNull(target), reason,
                        Sensitive.of(d.path("correctedDetails").toString()));
            }
            case ENTRY_RETRACTED -> {
                Sensitive<String> reason = sensitive(reader.text(d, at + ".reason", REQUIRED));
                yield (h, target) -> new RetractEntry(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), Objects.requireNonNull(target), reason);
            }
            case CONSENT_RECORDED -> {
                ConsentScope scope = scope(d, at, reader);
                Sensitive<String> reason = sensitive(reader.text(d, at + ".reason", REQUIRED));
                yield (h, ref) -> new RecordConsent(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), scope, reason);
            }
            case CONSENT_WITHDRAWN -> {
                ConsentScope scope = scope(d, at, reader);
                Sensitive<String> reason = sensitive(reader.text(d, at + ".reason", REQUIRED));
                yield (h, ref) -> new WithdrawConsent(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), scope, reason);
            }
            case STRATEGY_DISCUSSION -> {
                StrategyDecision decision = reader.choice(d, at + ".decision", StrategyDecision.class, REQUIRED);
                List<AgencyCode> participants = reader.agencyCodes(d, at + ".participants");
                Sensitive<String> rationale = sensitive(reader.text(d, at + ".rationale", REQUIRED));
                yield (h, ref) -> new HoldStrategyDiscussion(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), decision, participants, rationale);
            }
            case S47_OUTCOME -> {
                EnquiryOutcome outcome = reader.choice(d, at + ".outcome", EnquiryOutcome.class, REQUIRED);
                Sensitive<String> rationale = sensitive(reader.text(d, at + ".rationale", REQUIRED));
                yield (h, discussion) -> new ConcludeEnquiry(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                        h.consent(), Objects.requireNonNull(discussion), outcome, rationale);
            }
            case TEAM_MEMBER_ADDED, TEAM_MEMBER_REMOVED -> {
                AgencyCode member = reader.parsed(d, at + ".agency", REQUIRED, AgencyCode::of,
                        "must be an agency code, e.g. school-parkside");
                TeamRole role = reader.choice(d, at + ".role", TeamRole.class, REQUIRED);
                String practitioner = reader.identifier(d, at + ".practitioner", OPTIONAL, MAX_ID);
                yield type == EntryType.TEAM_MEMBER_ADDED
                        ? (h, ref) -> new AddTeamMember(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                                h.consent(), member, role, practitioner)
                        : (h, ref) -> new RemoveTeamMember(h.journeyId(), h.entryId(), h.provenance(), h.subject(),
                                h.consent(), member, role, practitioner);
            }
        };
    }

    private static @Nullable ConsentScope scope(JsonNode details, String at, FieldReader reader) {
        return reader.parsed(details, at + ".scope", REQUIRED,
                text -> "all".equals(text) ? ConsentScope.all()
                        : new ConsentScope(AgencyKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'))),
                "must be all or an agency kind (POLICE, HEALTH, EDUCATION, CHILDRENS_SOCIAL_CARE, EARLY_HELP, "
                        + "ADULT_SERVICES, OTHER)");
    }

    private static @Nullable Sensitive<String> sensitive(@Nullable String text) {
        return Sensitive.ofNullable(text);
    }
}
