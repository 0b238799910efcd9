package org.childjourney.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.agency.Agency;
import org.childjourney.gateway.config.GatewayProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/submissions} and {@code POST /api/v1/submissions:batch}: an agency system pushes what it
 * already records. The agency is always the token's, never the body's. A first submission answers {@code 201},
 * a resend of the same content {@code 200} with the same body, a changed resend {@code 409}, invalid input
 * {@code 400}; in every failure nothing is stored.
 */
@RestController
@RequestMapping("/api/v1")
class SubmissionController {

    static final String NDJSON = "application/x-ndjson";

    private final Intake intake;
    private final GatewayProperties properties;
    private final ObjectMapper json;

    SubmissionController(Intake intake, GatewayProperties properties, ObjectMapper json) {
        this.intake = intake;
        this.properties = properties;
        this.json = json;
    }

    @Operation(summary = "Record one submission from the caller's agency")
    @PostMapping(path = "/submissions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> submit(@AuthenticationPrincipal Jwt token, @RequestBody JsonNode body) {
        Receipt receipt = intake.record(agency(token), caller(token), body);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @Operation(summary = "Record many submissions, one JSON object a line; one result a line, in the same order")
    @PostMapping(path = "/submissions:batch", consumes = NDJSON, produces = NDJSON)
    ResponseEntity<String> submitBatch(@AuthenticationPrincipal Jwt token, @RequestBody String lines) {
        Agency agency = agency(token);
        String caller = caller(token);
        List<String> results = new ArrayList<>();
        for (String line : lines.split("\r?\n")) {
            if (!line.isBlank()) {
                results.add(resultLine(agency, caller, line));
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .body(results.isEmpty() ? "" : String.join("\n", results) + "\n");
    }

    /** One line's result; a bad line never stops the others. */
    private String resultLine(Agency agency, String caller, String line) {
        ObjectNode result = json.createObjectNode();
        try {
            Receipt receipt = intake.record(agency, caller, json.readTree(line));
            result.put("status", receipt.created() ? 201 : 200);
            result.put("journeyId", receipt.journeyId().toString());
            result.put("entryId", receipt.entryId().toString());
            result.put("recordedAt", receipt.recordedAt().toString());
        } catch (JsonProcessingException malformed) {
            result.put("status", 400);
            result.put("title", "Line is not valid JSON");
        } catch (RuntimeException failure) {
            ProblemDetail problem = IntakeProblems.problem(failure);
            result.put("status", problem.getStatus());
            result.put("title", problem.getTitle());
            result.put("detail", problem.getDetail());
            if (problem.getProperties() != null && problem.getProperties().get("errors") != null) {
                result.set("errors", json.valueToTree(problem.getProperties().get("errors")));
            }
        }
        return result.toString();
    }

    private Agency agency(Jwt token) {
        return KeycloakClaims.agency(token.getClaims()).flatMap(properties::agency)
                .orElseThrow(UnregisteredAgency::new);
    }

    private static String caller(Jwt token) {
        return KeycloakClaims.username(token.getClaims(), token.getSubject());
    }
}
