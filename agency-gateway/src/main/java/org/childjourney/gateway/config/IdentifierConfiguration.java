package org.childjourney.gateway.config;

import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.KeyedDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The digests a child's identifiers are kept by, with the register of local identifier systems. */
@Configuration(proxyBeanMethods = false)
class IdentifierConfiguration {

    @Bean
    IdentifierDigests identifierDigests(GatewayProperties properties) {
        return new IdentifierDigests(new KeyedDigest(properties.digestKeyBytes()), properties.localIds());
    }
}
