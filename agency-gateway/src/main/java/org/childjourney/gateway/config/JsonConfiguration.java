package org.childjourney.gateway.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How deep the gateway reads JSON: submissions are a few levels deep, and events fewer. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Deeper JSON is refused as malformed ({@code 400}) as soon as the parser meets it, before it costs a stack. */
    static final int MAX_NESTING = 16;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJsonNesting() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()));
    }
}
