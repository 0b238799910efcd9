package org.childjourney.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Only a valid token from the journey realm reaches the access policy; anything else is a 401 problem. */
class SecurityIT extends QueryApiIT {


    static Stream<Arguments> unauthenticated() {
        String valid = TOKENS.user("sw.sarah", "csc-county", "practitioner");
        String auditor = TOKENS.user("auditor.ann", null, "auditor", "admin");
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("expired", TOKENS.issue("journey", "sw.sarah", "csc-county", List.of("practitioner"),
                        -3600)),
                Arguments.of("claims swapped under the signature", Tokens.tampered(valid, auditor)),
                Arguments.of("another realm's token", TOKENS.issue("other-realm", "sw.sarah", "csc-county",
                        List.of("practitioner"), 300)),
                Arguments.of("alg none", Tokens.algNone(valid)),
                Arguments.of("issued for the gateway, not the query API", TOKENS.issue("journey", "journey-gateway",
                        "sw.sarah", "csc-county", List.of("practitioner"), 300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticated")
    void aReaderWithoutAValidTokenIsUnauthorised(String why, String token) {
        Answer answer = new QueryClient(port).get("/api/v1/journeys/" + UUID.randomUUID() + "/timeline", token,
                "child-in-need");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void anAgencySystemMayNotReadTimelines() {
        String system = TOKENS.issue("journey", "service-account-police-east", "police-east",
                List.of("agency-system"), 300);

        Answer answer = new QueryClient(port).get("/api/v1/journeys/" + UUID.randomUUID() + "/timeline", system,
                "safeguarding-enquiry");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
