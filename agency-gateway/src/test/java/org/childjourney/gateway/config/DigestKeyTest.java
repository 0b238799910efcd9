package org.childjourney.gateway.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.childjourney.gateway.AgencyGatewayApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the local profile the gateway has no digest key of its own: without one of at least 32 bytes it refuses
 * to start, saying which setting it needs, rather than fall back to the fictional demo key (which only
 * {@code application-local.yml} holds).
 */
class DigestKeyTest {

    @ParameterizedTest(name = "key \"{0}\"")
    @ValueSource(strings = {"", "short-fictional-key"})
    void theGatewayWillNotStartWithoutADigestKeyOfItsOwn(String key) {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(AgencyGatewayApplication.class);

        assertThatThrownBy(() -> gateway.run("--childjourney.gateway.digest-key=" + key, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:no-key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
                .hasStackTraceContaining("CHILDJOURNEY_GATEWAY_DIGEST_KEY");
    }
}
