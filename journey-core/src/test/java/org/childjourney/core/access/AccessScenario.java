package org.childjourney.core.access;

import static org.childjourney.core.journey.JourneyFixtures.EMERGENCY_JUSTIFICATION;
import static org.childjourney.core.journey.JourneyFixtures.HOSPITAL_NORTH;
import static org.childjourney.core.journey.JourneyFixtures.POLICE_EAST;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_PARKSIDE;
import static org.childjourney.core.journey.JourneyFixtures.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * One read of a fictional child's journey, in the words of the access decision table
 * ({@code docs/access-decisions.csv}). The journey holds a school concern from Parkside (carrying the consent and
 * sensitivity under test), an A&amp;E attendance at Hospital North and a child protection plan made by Northshire's
 * children's social care before the family moved to the county. No reader works for those three agencies, so each
 * of those entries is another agency's; what the reader's own agency did is the relationship.
 */
record AccessScenario(Purpose purpose, Reader reader, Relationship relationship, ConsentState consent,
        EntrySensitivity sensitivity, JourneyState journey, Variation variation) {

    /** When every read of the table is made. */
    static final Instant READ_AT = Instant.parse("2026-11-24T10:00:00Z");

    static final Agency CSC_COUNTY = JourneyFixtures.CSC_COUNTY;
    static final Agency CSC_NORTHSHIRE = new Agency(AgencyCode.of("csc-northshire"),
            AgencyKind.CHILDRENS_SOCIAL_CARE);
    static final Agency SCHOOL_HILLSIDE = new Agency(AgencyCode.of("school-hillside"), AgencyKind.EDUCATION);
    static final Agency HOSPITAL_SOUTH = new Agency(AgencyCode.of("hospital-south"), AgencyKind.HEALTH);

    /** What the hub released to a reader whose agency has only releases. */
    static final Set<FixtureEntry> RELEASED = Set.of(FixtureEntry.SCHOOL_CONCERN, FixtureEntry.CP_PLAN);

    /** The header of the table. */
    static final String HEADER = "purpose,reader,relationship,consent,sensitivity,journey,decision,reason,withheld,"
            + "redacted,view";

    /** The entries of the table's journey, by the names the table gives them. */
    enum FixtureEntry {
        SCHOOL_CONCERN("school-concern", JourneyFixtures.SCHOOL_CONCERN),
        AE_ATTENDANCE("ae-attendance", JourneyFixtures.AE_ATTENDANCE),
        CP_PLAN("cp-plan", JourneyFixtures.PLAN_STARTED),
        OWN_ENTRY("own-entry", entry(30)),
        OWN_INVOLVEMENT("own-involvement", entry(31)),
        OWN_INVOLVEMENT_ENDED("own-involvement-ended", entry(32));

        final String label;
        final EntryId id;

        FixtureEntry(String label, EntryId id) {
            this.label = label;
            this.id = id;
        }
    }

    /** Who reads, with their agency and the kind of entry their agency would submit. */
    enum Reader {
        CSC_PRACTITIONER("csc-practitioner", "fictional.social.worker", CSC_COUNTY, EntryType.CONTACT,
                Role.PRACTITIONER),
        SCHOOL_PRACTITIONER("school-practitioner", "fictional.teacher", SCHOOL_HILLSIDE, EntryType.SCHOOL_CONCERN,
                Role.PRACTITIONER),
        HEALTH_PRACTITIONER("health-practitioner", "fictional.nurse", HOSPITAL_SOUTH, EntryType.AE_ATTENDANCE,
                Role.PRACTITIONER),
        HUB_MEMBER("hub-member", "fictional.hub.worker", CSC_COUNTY, EntryType.CONTACT, Role.MASH,
                Role.PRACTITIONER),
        AUDITOR("auditor", "fictional.auditor", null, null, Role.AUDITOR),
        AGENCY_SYSTEM("agency-system", "police-east-gateway", POLICE_EAST, EntryType.DOMESTIC_ABUSE_NOTIFICATION,
                Role.AGENCY_SYSTEM),
        /** Not walked by the table: a teacher at Parkside, the school that recorded the concern under test. */
        RECORDING_SCHOOL_PRACTITIONER("recording-school-practitioner", "fictional.parkside.teacher", SCHOOL_PARKSIDE,
                EntryType.SCHOOL_CONCERN, Role.PRACTITIONER);

        final String label;
        final Viewer viewer;
        final @Nullable Agency agency;
        final @Nullable EntryType ownEntryType;

        Reader(String label, String username, @Nullable Agency agency, @Nullable EntryType ownEntryType,
                Role... roles) {
            this.label = label;
            this.viewer = new Viewer(username, agency == null ? null : agency.code(), Set.of(roles));
            this.agency = agency;
            this.ownEntryType = ownEntryType;
        }

        static List<Reader> walked() {
            return Arrays.stream(values()).filter(reader -> reader != RECORDING_SCHOOL_PRACTITIONER).toList();
        }
    }

    /** What the reader's agency has to do with the child. */
    enum Relationship {
        NONE("none"),
        OPEN_INVOLVEMENT("open-involvement"),
        SUBMITTED_ENTRY("submitted-entry"),
        RELEASED_ONLY("released-only"),
        ENDED_INVOLVEMENT("ended-involvement");

        final String label;

        Relationship(String label) {
            this.label = label;
        }
    }

    /** The consent the school concern was shared under, or the family's withdrawal for the reader's kind. */
    enum ConsentState {
        GIVEN("given", ConsentStatus.GIVEN, false),
        REFUSED("refused", ConsentStatus.REFUSED, false),
        NOT_SOUGHT_PREJUDICIAL("not-sought-prejudicial", ConsentStatus.NOT_SOUGHT_PREJUDICIAL, false),
        NOT_REQUIRED("not-required", ConsentStatus.NOT_REQUIRED, false),
        JOURNEY_WITHDRAWN("journey-withdrawn", ConsentStatus.GIVEN, true);

        final String label;
        final ConsentStatus entryStatus;
        final boolean withdrawnForReaderKind;

        ConsentState(String label, ConsentStatus entryStatus, boolean withdrawnForReaderKind) {
            this.label = label;
            this.entryStatus = entryStatus;
            this.withdrawnForReaderKind = withdrawnForReaderKind;
        }
    }

    /** How sensitive Parkside classed the school concern. */
    enum EntrySensitivity {
        NONE("none", Sensitivity.NONE),
        MENTAL_HEALTH("mental-health", Sensitivity.MENTAL_HEALTH);

        final String label;
        final Sensitivity sensitivity;

        EntrySensitivity(String label, Sensitivity sensitivity) {
            this.label = label;
            this.sensitivity = sensitivity;
        }
    }

    enum JourneyState {
        ORDINARY("ordinary"),
        SEALED("sealed"),
        UNKNOWN("unknown");

        final String label;

        JourneyState(String label) {
            this.label = label;
        }
    }

    /**
     * How the read differs from a timeline read whose emergency purpose carries a justification; written after the
     * purpose in the table's explicit rows.
     */
    enum Variation {
        NONE("", ReadKind.TIMELINE, true),
        SEARCH("search", ReadKind.SEARCH, true),
        ACCESS_LOG("access log", ReadKind.ACCESS_LOG, true),
        NO_JUSTIFICATION("no justification", ReadKind.TIMELINE, false),
        BLANK_JUSTIFICATION("blank justification", ReadKind.TIMELINE, false);

        final String label;
        final ReadKind kind;
        final boolean justified;

        Variation(String label, ReadKind kind, boolean justified) {
            this.label = label;
            this.kind = kind;
            this.justified = justified;
        }
    }

    /** A scenario from the table's own words, e.g. {@code emergency (no justification)}. */
    static AccessScenario parse(String purpose, String reader, String relationship, String consent,
            String sensitivity, String journey) {
        String header = purpose.contains(" (") ? purpose.substring(0, purpose.indexOf(" (")) : purpose;
        String variation = purpose.contains(" (") ? purpose.substring(purpose.indexOf(" (") + 2, purpose.length() - 1)
                : "";
        return new AccessScenario(
                Purpose.fromHeader(header).orElseThrow(() -> new IllegalArgumentException("purpose " + header)),
                byLabel(Reader.values(), reader, r -> r.label), byLabel(Relationship.values(), relationship, r -> r.label),
                byLabel(ConsentState.values(), consent, c -> c.label),
                byLabel(EntrySensitivity.values(), sensitivity, s -> s.label),
                byLabel(JourneyState.values(), journey, j -> j.label),
                byLabel(Variation.values(), variation, v -> v.label));
    }

    private static <T> T byLabel(T[] values, String label, java.util.function.Function<T, String> labelOf) {
        return Arrays.stream(values).filter(value -> labelOf.apply(value).equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such label in the table: " + label));
    }

    AccessRequest request() {
        String justification = purpose != Purpose.EMERGENCY ? null
                : variation == Variation.BLANK_JUSTIFICATION ? "  "
                : variation.justified ? EMERGENCY_JUSTIFICATION : null;
        return new AccessRequest(reader.viewer, reader.agency == null ? null : reader.agency.kind(), purpose,
                variation.kind, justification, READ_AT);
    }

    JourneyFacts facts() {
        if (journey == JourneyState.UNKNOWN) {
            return JourneyFacts.unknown();
        }
        List<EntryFacts> entries = new ArrayList<>(List.of(
                facts(FixtureEntry.SCHOOL_CONCERN, EntryType.SCHOOL_CONCERN, SCHOOL_PARKSIDE, consent.entryStatus,
                        sensitivity.sensitivity),
                facts(FixtureEntry.AE_ATTENDANCE, EntryType.AE_ATTENDANCE, HOSPITAL_NORTH, ConsentStatus.GIVEN,
                        Sensitivity.NONE),
                facts(FixtureEntry.CP_PLAN, EntryType.CP_PLAN_STARTED, CSC_NORTHSHIRE, ConsentStatus.NOT_REQUIRED,
                        Sensitivity.NONE)));
        Set<AgencyCode> submitting = new HashSet<>(Set.of(SCHOOL_PARKSIDE.code(), HOSPITAL_NORTH.code(),
                CSC_NORTHSHIRE.code()));
        Set<AgencyCode> involved = new HashSet<>();
        Map<AgencyCode, Set<EntryId>> releases = new HashMap<>();
        Agency own = reader.agency;
        if (own != null) {
            switch (relationship) {
                case OPEN_INVOLVEMENT -> {
                    involved.add(own.code());
                    entries.add(facts(FixtureEntry.OWN_INVOLVEMENT, EntryType.INVOLVEMENT_STARTED, own,
                            ConsentStatus.NOT_STATED, Sensitivity.NONE));
                }
                case SUBMITTED_ENTRY -> {
                    submitting.add(own.code());
                    entries.add(facts(FixtureEntry.OWN_ENTRY, reader.ownEntryType, own, ConsentStatus.GIVEN,
                            Sensitivity.NONE));
                }
                case RELEASED_ONLY -> releases.put(own.code(),
                        RELEASED.stream().map(released -> released.id).collect(Collectors.toSet()));
                case ENDED_INVOLVEMENT -> {
                    entries.add(facts(FixtureEntry.OWN_INVOLVEMENT, EntryType.INVOLVEMENT_STARTED, own,
                            ConsentStatus.NOT_STATED, Sensitivity.NONE));
                    entries.add(facts(FixtureEntry.OWN_INVOLVEMENT_ENDED, EntryType.INVOLVEMENT_ENDED, own,
                            ConsentStatus.NOT_STATED, Sensitivity.NONE));
                }
                case NONE -> {
                }
            }
        }
        Set<ConsentScope> refusedScopes = !consent.withdrawnForReaderKind ? Set.of()
                : Set.of(own == null ? ConsentScope.all() : new ConsentScope(own.kind()));
        return new JourneyFacts(true, journey == JourneyState.SEALED, involved, submitting, releases, refusedScopes,
                entries, null);
    }

    private static EntryFacts facts(FixtureEntry entry, @Nullable EntryType type, Agency agency,
            ConsentStatus consent, Sensitivity sensitivity) {
        return new EntryFacts(entry.id, type, agency.code(), consent, sensitivity);
    }

    AccessDecision decide() {
        return AccessPolicies.all().decide(request(), facts());
    }

    /** The scenario's columns: purpose (with its variation), reader, relationship, consent, sensitivity, journey. */
    String given() {
        String purposeColumn = variation == Variation.NONE ? purpose.header()
                : purpose.header() + " (" + variation.label + ")";
        return String.join(",", purposeColumn, reader.label, relationship.label, consent.label, sensitivity.label,
                journey.label);
    }

    /** The decision's columns: decision, reason, withheld, redacted, view. */
    String outcome() {
        AccessDecision decision = decide();
        if (decision instanceof AccessDecision.Refused refused) {
            return String.join(",", "refused", refused.reason().name(), "-", "-", "-");
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        String view = permitted.minimal() && permitted.breakGlass() ? "minimal+break-glass"
                : permitted.minimal() ? "minimal"
                : permitted.breakGlass() ? "break-glass"
                : "full";
        return String.join(",", "permitted", "-", names(permitted.withheld()), names(permitted.redacted()), view);
    }

    String row() {
        return given() + "," + outcome();
    }

    /** The fixture names of these entries, in the journey's order; an id the fixture does not know, as it is. */
    private static String names(Set<EntryId> ids) {
        if (ids.isEmpty()) {
            return "-";
        }
        List<String> names = new ArrayList<>();
        for (FixtureEntry entry : FixtureEntry.values()) {
            if (ids.contains(entry.id)) {
                names.add(entry.label);
            }
        }
        ids.stream().filter(id -> Arrays.stream(FixtureEntry.values()).noneMatch(entry -> entry.id.equals(id)))
                .map(EntryId::toString).sorted().forEach(names::add);
        return String.join(";", names);
    }
}
