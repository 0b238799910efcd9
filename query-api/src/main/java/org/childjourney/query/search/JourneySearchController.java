package org.childjourney.query.search;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/journeys:search} with {@code {"nhsNumber"}} or {@code {"system", "value"}}, and
 * {@code GET /api/v1/journeys?nhsNumber=…} or {@code ?system=…&value=…}: find a child's journeys. The identifier
 * is turned into its keyed digest here and goes no further. Clients should prefer the {@code POST}, which keeps the
 * identifier out of URLs and the access logs of every proxy on the way; this service never logs either.
 */
@RestController
class JourneySearchController {

    private final QueryGateway queries;
    private final IdentifierDigests digests;
    private final Readers readers;

    JourneySearchController(QueryGateway queries, IdentifierDigests digests, Readers readers) {
        this.queries = queries;
        this.digests = digests;
        this.readers = readers;
    }

    @Operation(summary = "Find a child's journeys by NHS number or by an agency's local id, the identifier in the "
            + "body, out of every URL (X-Purpose required)")
    @PostMapping("/api/v1/journeys:search")
    Map<String, List<JourneySearch.Journey>> searchByBody(@AuthenticationPrincipal Jwt token,
            @RequestBody IdentifierSearch body,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestHeader(name = Reader.JUSTIFICATION_HEADER, required = false) String justification) {
        return search(token, body.nhsNumber(), body.system(), body.value(), purpose, justification);
    }

    @Operation(summary = "Find a child's journeys by NHS number or by an agency's local id (X-Purpose required); "
            + "prefer POST /api/v1/journeys:search")
    @GetMapping("/api/v1/journeys")
    Map<String, List<JourneySearch.Journey>> search(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) String nhsNumber, @RequestParam(required = false) String system,
            @RequestParam(required = false) String value,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestHeader(name = Reader.JUSTIFICATION_HEADER, required = false) String justification) {
        Reader reader = readers.of(token, purpose, justification);
        String digest = new IdentifierSearch(nhsNumber, system, value).digest(digests);
        JourneySearch search = queries.query(new FindJourneys(digest, reader),
                ResponseTypes.instanceOf(JourneySearch.class)).join();
        if (search instanceof JourneySearch.Found found) {
            return Map.of("journeys", found.journeys());
        }
        throw new ReadRefused();
    }
}
