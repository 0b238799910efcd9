package org.childjourney.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A deployment's register, named by {@code childjourney.register-file} (CHILDJOURNEY_REGISTER_FILE), replaces the
 * demo register whole: none of the demo agencies stays registered beside the deployment's own.
 */
@SpringBootTest(properties = "childjourney.register-file=classpath:register-of-another-area.yml")
class RegisterFileIT {

    static final MockKeycloak KEYCLOAK = new MockKeycloak();

    @Autowired
    AgencyRegister register;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:register-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void theDeploymentsRegisterReplacesTheDemoOne() {
        assertThat(register.agencies()).containsOnlyKeys("police-west", "school-hillside");
        assertThat(register.kindOf(AgencyCode.of("police-west"))).isEqualTo(AgencyKind.POLICE);
        assertThat(register.kindOf(AgencyCode.of("police-east"))).as("a demo agency").isNull();
    }
}
