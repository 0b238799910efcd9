package org.childjourney.gateway.config;

import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.KeyedDigest;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The register of agencies, as both services read it ({@code childjourney.register}), and the digests a child's
 * identifiers are kept by, with the register of local identifier systems.
 */
@Configuration(proxyBeanMethods = false)
class IdentifierConfiguration {

    @Bean
    AgencyRegister agencyRegister(Environment environment) {
        return Binder.get(environment).bind("childjourney.register", AgencyRegister.class)
                .orElseThrow(() -> new IllegalStateException("no agency register (childjourney.register)"));
    }

    @Bean
    IdentifierDigests identifierDigests(GatewayProperties properties, AgencyRegister register) {
        return new IdentifierDigests(new KeyedDigest(properties.digestKeyBytes()), register.localIds());
    }
}
