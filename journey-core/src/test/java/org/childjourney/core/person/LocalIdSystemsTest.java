package org.childjourney.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.junit.jupiter.api.Test;

/** Local ids belong to their agency, or to every agency of a kind for a national system. */
class LocalIdSystemsTest {

    private static final Agency POLICE = new Agency(AgencyCode.of("police-east"), AgencyKind.POLICE);
    private static final Agency PARKSIDE = new Agency(AgencyCode.of("school-parkside"), AgencyKind.EDUCATION);
    private static final Agency RIVERSIDE = new Agency(AgencyCode.of("school-riverside"), AgencyKind.EDUCATION);

    private final LocalIdSystems systems = LocalIdSystems.configured(
            Map.of("police-east/person", "police-east", "school-parkside/pupil", "school-parkside"),
            Map.of("upn", AgencyKind.EDUCATION), Set.of("police-east", "school-parkside", "school-riverside"));

    @Test
    void anAgencyUsesItsOwnSystemsAndTheNationalSystemsOfItsKindOnly() {
        assertThat(systems.mayUse(POLICE, "police-east/person")).isTrue();
        assertThat(systems.mayUse(PARKSIDE, "police-east/person")).isFalse();
        assertThat(systems.mayUse(PARKSIDE, "upn")).isTrue();
        assertThat(systems.mayUse(RIVERSIDE, "upn")).isTrue();
        assertThat(systems.mayUse(POLICE, "upn")).isFalse();
        assertThat(systems.mayUse(POLICE, "police-west/person")).as("registered by nobody").isFalse();
    }

    @Test
    void scopesALocalIdToItsSystemsOwner() {
        assertThat(systems.scopeOf("police-east/person")).contains("agency:police-east");
        assertThat(systems.scopeOf("upn")).contains("national");
        assertThat(systems.scopeOf("police-west/person")).isEmpty();
    }

    @Test
    void twoSchoolsUsingTheNationalSystemGiveOneDigestAndAnotherAgencysSystemNever() {
        IdentifierDigests digests = new IdentifierDigests(new KeyedDigest(
                "fictional-digest-key-for-tests-only-0001".getBytes(StandardCharsets.UTF_8)), systems);
        LocalId upn = new LocalId("upn", Sensitive.of("A123"));

        assertThat(digests.ofLocalId(upn)).isEqualTo(digests.ofLocalId(new LocalId("upn", Sensitive.of("A123"))));
        assertThat(digests.ofLocalId(new LocalId("police-east/person", Sensitive.of("A123"))))
                .isNotEqualTo(digests.ofLocalId(new LocalId("school-parkside/pupil", Sensitive.of("A123"))));
        assertThat(digests.ofLocalId(new LocalId("police-west/person", Sensitive.of("A123")))).isEmpty();
    }

    @Test
    void refusesASystemOfNoRegisteredAgencyOrOfBothAnAgencyAndAKind() {
        assertThatIllegalStateException().isThrownBy(() -> LocalIdSystems.configured(
                Map.of("police-west/person", "police-west"), Map.of(), Set.of("police-east")));
        assertThatIllegalArgumentException().isThrownBy(() -> new LocalIdSystems(
                Map.of("upn", AgencyCode.of("school-parkside")), Map.of("upn", AgencyKind.EDUCATION)));
    }
}
