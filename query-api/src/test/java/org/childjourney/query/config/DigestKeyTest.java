package org.childjourney.query.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.childjourney.query.QueryApiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the local profile the query API, like the gateway, refuses to start without a digest key of its own. */
class DigestKeyTest {

    @Test
    void theQueryApiWillNotStartWithoutADigestKeyOfItsOwn() {
        SpringApplicationBuilder queryApi = new SpringApplicationBuilder(QueryApiApplication.class);

        assertThatThrownBy(() -> queryApi.run("--childjourney.query.digest-key=", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:no-key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
                .hasStackTraceContaining("CHILDJOURNEY_QUERY_DIGEST_KEY");
    }
}
