package org.childjourney.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.EntryField.Role;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry type's details are read off its record: the contract's names, which fields an agency must send, how
 * each value is written on the wire and read back, and the constraints declared on them.
 */
class EntryFieldTest {

    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .clockProvider(() -> Clock.fixed(Instant.parse("2026-03-03T00:00:00Z"), ZoneOffset.UTC))
            .buildValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static Stream<Named<JourneyEntry>> entries() {
        return JourneyFixtures.everyEvent().stream().filter(JourneyEntry.class::isInstance)
                .map(event -> Named.of(event.getClass().getSimpleName(), (JourneyEntry) event));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void readsBackEveryValueItWritesOnTheWire(JourneyEntry entry) {
        JourneyEntry read = EntryField.entry(entry.getClass(), entry.journeyId(), entry.entryId(),
                entry.provenance(), entry.subject(), entry.consent(), field -> {
            Object value = field.valueIn(entry);
            return field.role() != Role.VALUE || value == null ? value : field.fromWire(field.toWire(value));
        });

        assertThat(read).isEqualTo(entry);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void eachFixtureKeepsTheConstraintsItsTypeDeclares(JourneyEntry entry) {
        assertThat(VALIDATOR.validate(entry)).isEmpty();
    }

    @Test
    void everyTypesDetailsAreItsRecordsFieldsBeyondTheHeader() {
        assertThat(EntryField.of(DomesticAbuseNotified.class))
                .extracting(EntryField::wireName, EntryField::required)
                .containsExactly(Tuple.tuple("incidentReference", true),
                        Tuple.tuple("childPresent", true),
                        Tuple.tuple("riskLevel", true),
                        Tuple.tuple("notifySchool", false));
        assertThat(EntryField.of(TeamMemberAdded.class)).extracting(EntryField::wireName)
                .containsExactly("agency", "role", "practitioner");
        assertThat(EntryField.of(ContactDecided.class)).extracting(EntryField::role)
                .containsExactly(Role.REFERENCE, Role.VALUE, Role.VALUE);
        assertThat(EntryField.of(EntryCorrected.class)).extracting(EntryField::role)
                .containsExactly(Role.REFERENCE, Role.VALUE, Role.IN_TARGETS_SHAPE);
    }

    @Test
    void writesChoicesInKebabCaseAndValuesAsTheirText() {
        JourneyEntry notification = JourneyFixtures.domesticAbuseNotified();
        JourneyEntry discussion = JourneyFixtures.strategyDiscussionHeld();

        assertThat(wire(notification, "riskLevel")).isEqualTo("medium");
        assertThat(wire(notification, "childPresent")).isEqualTo(true);
        assertThat(wire(discussion, "decision")).isEqualTo("s47-enquiry");
        assertThat(wire(discussion, "participants")).isEqualTo(List.of("police-east"));
        assertThat(wire(JourneyFixtures.aeAttendanceRecorded(), "dischargedAt"))
                .isEqualTo(JourneyFixtures.DISCHARGED_AT.toString());
    }

    @Test
    void saysWhatAValueOfTheWrongKindMustBe() {
        assertThatThrownBy(() -> field(DomesticAbuseNotified.class, "riskLevel").fromWire("severe"))
                .hasMessage("must be one of: standard, medium, high");
        assertThatThrownBy(() -> field(DomesticAbuseNotified.class, "childPresent").fromWire("yes"))
                .hasMessage("must be true or false");
        assertThatThrownBy(() -> field(AeAttendanceRecorded.class, "dischargedAt").fromWire("yesterday"))
                .hasMessage("must be an ISO-8601 instant, e.g. 2026-11-20T21:14:00Z");
        assertThatThrownBy(() -> field(StrategyDiscussionHeld.class, "participants").fromWire(List.of("no way")))
                .hasMessage("must be a list, each item an agency code, e.g. school-parkside");
        assertThatThrownBy(() -> field(TeamMemberAdded.class, "member").fromWire(42))
                .hasMessage("must be an agency code, e.g. school-parkside");
    }

    @Test
    void checksTheDeclaredConstraints() {
        AeAttendanceRecorded attendance = JourneyFixtures.aeAttendanceRecorded();
        AeAttendanceRecorded tomorrow = new AeAttendanceRecorded(attendance.journeyId(), attendance.entryId(),
                attendance.provenance(), attendance.subject(), attendance.consent(), " ",
                Sensitive.of("x".repeat(20_001)), true, Instant.parse("2026-03-04T00:00:00Z"), null);
        DomesticAbuseNotified notification = JourneyFixtures.domesticAbuseNotified();
        DomesticAbuseNotified invisible = new DomesticAbuseNotified(notification.journeyId(),
                notification.entryId(), notification.provenance(), notification.subject(), notification.consent(),
                "INC\u200B42", true, RiskLevel.HIGH, false);

        assertThat(violations(tomorrow)).containsOnlyKeys("site", "presentingComplaint", "dischargedAt")
                .containsEntry("dischargedAt", "must not be in the future");
        assertThat(violations(invisible)).containsOnlyKeys("incidentReference");
        assertThat(VALIDATOR.validateValue(TeamMemberAdded.class, "member", AgencyCode.of("school-parkside")))
                .isEmpty();
    }

    @Test
    void refusesAnEntryTypeItCannotReadAtItsFirstUse() {
        assertThatThrownBy(() -> EntryField.of(TwoReferences.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most one earlier entry");
    }

    /** Not a type the record could have: details naming two earlier entries. */
    private record TwoReferences(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject,
            Consent consent, EntryId first, EntryId second) implements JourneyEntry {

        @Override
        public String summary() {
            return "two references";
        }
    }

    private static Map<String, String> violations(JourneyEntry entry) {
        Set<ConstraintViolation<JourneyEntry>> violations = VALIDATOR.validate(entry);
        return violations.stream().collect(Collectors.toMap(violation -> violation.getPropertyPath().toString(),
                ConstraintViolation::getMessage));
    }

    private static Object wire(JourneyEntry entry, String name) {
        EntryField field = field(entry.getClass(), name);
        return field.toWire(field.valueIn(entry));
    }

    private static EntryField field(Class<? extends JourneyEntry> type, String name) {
        return EntryField.of(type).stream().filter(field -> field.name().equals(name)).findFirst().orElseThrow();
    }
}
