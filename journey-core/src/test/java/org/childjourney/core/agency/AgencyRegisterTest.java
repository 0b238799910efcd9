package org.childjourney.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one register of agencies both services read: kinds from the register, never from a token. */
class AgencyRegisterTest {

    private final AgencyRegister register = new AgencyRegister(
            Map.of("police-east", AgencyKind.POLICE, "school-parkside", AgencyKind.EDUCATION),
            Map.of("police-east/person", "police-east"), Map.of("upn", AgencyKind.EDUCATION));

    @Test
    void givesTheKindAndTheAgencyOfARegisteredCodeOnly() {
        assertThat(register.kindOf(AgencyCode.of("police-east"))).isEqualTo(AgencyKind.POLICE);
        assertThat(register.kindOf(AgencyCode.of("police-west"))).isNull();
        assertThat(register.kindOf(null)).isNull();
        assertThat(register.agency(AgencyCode.of("school-parkside")))
                .contains(new Agency(AgencyCode.of("school-parkside"), AgencyKind.EDUCATION));
        assertThat(register.agency(AgencyCode.of("school-nowhere"))).isEmpty();
    }

    @Test
    void holdsTheLocalIdSystemsOfItsAgencies() {
        assertThat(register.localIds().agencySystems()).containsEntry("police-east/person",
                AgencyCode.of("police-east"));
        assertThat(register.localIds().sharedSystems()).containsEntry("upn", AgencyKind.EDUCATION);
        assertThatThrownBy(() -> new AgencyRegister(Map.of("police-east", AgencyKind.POLICE),
                Map.of("hospital-north/mrn", "hospital-north"), null).localIds())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesARegisterWithoutAgencies() {
        assertThatThrownBy(() -> new AgencyRegister(Map.of(), null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("childjourney.register.agencies");
    }
}
