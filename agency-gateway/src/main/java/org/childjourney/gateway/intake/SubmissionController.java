package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.gateway.config.GatewayProperties;
import org.childjourney.gateway.fhir.EncounterBundles;
import org.childjourney.gateway.fhir.NotAnAttendance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/submissions} and {@code POST /api/v1/submissions:batch}: an agency system pushes what it
 * already records. The agency is always the token's, never the body's. A first submission answers {@code 201},
 * a resend of the same content {@code 200} with the same body, a changed resend {@code 409}, invalid input
 * {@code 400}; in every failure nothing is stored. Bodies are read up to the configured limits and no further
 * ({@link GatewayProperties.Limits}): a larger one is refused whole with {@code 413}. A hospital may send an
 * emergency department attendance in FHIR R4 instead ({@link EncounterBundles}); its problems are named by FHIR element.
 */
@RestController
@RequestMapping("/api/v1")
class SubmissionController {

    static final String NDJSON = "application/x-ndjson";

    private final Intake intake;
    private final EncounterBundles encounters;
    private final GatewayProperties properties;
    private final AgencyRegister register;
    private final ObjectMapper json;
    /** Places for batches in memory: with the limits, they bound what batches hold at once. */
    private final Semaphore batches;

    SubmissionController(Intake intake, GatewayProperties properties, AgencyRegister register, ObjectMapper json,
            EncounterBundles encounters) {
        this.intake = intake;
        this.encounters = encounters;
        this.properties = properties;
        this.register = register;
        this.json = json;
        this.batches = new Semaphore(properties.limits().concurrentBatches());
    }

    @Operation(summary = "Record one submission from the caller's agency, about one child or a household",
            requestBody = @RequestBody(required = true, description = "One submission, as the contract shapes it; "
                    + "at most childjourney.gateway.limits.submission-kb (256 KiB by default)"))
    @ApiResponse(responseCode = "201", description = "Recorded; a resend of the same content is answered 200 with the"
            + " same body: a receipt, or for a household submission a household's receipt",
            content = @Content(schema = @Schema(oneOf = {Receipt.class, HouseholdReceipt.class})))
    @PostMapping(path = "/submissions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> submit(@AuthenticationPrincipal Jwt token, HttpServletRequest request)
            throws IOException {
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                properties.limits().submissionBytes());
        Acknowledgement receipt = intake.record(agency(token), caller(token), parse(body, 0, body.length));
        // Declared as Object, so that the answer is written as what it is: a receipt or a household's receipt.
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @Operation(summary = "Record an emergency department attendance sent in FHIR R4: a Bundle of one Encounter of class"
            + " EMER and its Patient (docs/fhir.md); answered as the same attendance sent as JSON would be",
            requestBody = @RequestBody(required = true, description = "A FHIR R4 Bundle in JSON; at most "
                    + "childjourney.gateway.limits.submission-kb (256 KiB by default)"))
    @ApiResponse(responseCode = "201", description = "Recorded; a resend, in FHIR or as JSON, is answered 200 with the"
            + " same body", content = @Content(schema = @Schema(implementation = Receipt.class)))
    @PostMapping(path = "/submissions", consumes = EncounterBundles.MEDIA_TYPE,
            produces = {MediaType.APPLICATION_JSON_VALUE, EncounterBundles.MEDIA_TYPE})
    ResponseEntity<Object> submitFhir(@AuthenticationPrincipal Jwt token, HttpServletRequest request)
            throws IOException {
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                properties.limits().submissionBytes());
        Agency agency = agency(token);
        ObjectNode submission;
        try {
            submission = encounters.submission(body);
        } catch (NotAnAttendance invalid) {
            throw new InvalidSubmission(invalid.problems().stream()
                    .map(problem -> new FieldProblem(problem.element(), problem.message())).toList());
        }
        Acknowledgement receipt;
        try {
            receipt = intake.record(agency, caller(token), submission);
        } catch (InvalidSubmission invalid) {
            throw new InvalidSubmission(invalid.errors().stream().map(problem -> new FieldProblem(
                    EncounterBundles.element(problem.field()), problem.message())).toList());
        }
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @Operation(summary = "Record many submissions, one JSON object a line; one result a line, in the same order",
            requestBody = @RequestBody(required = true, description = "At most "
                    + "childjourney.gateway.limits.batch-lines submissions (1,000 by default) in at most batch-mb "
                    + "(8 MiB); a larger batch is refused whole with 413 and nothing of it is recorded"))
    @PostMapping(path = "/submissions:batch", consumes = NDJSON, produces = NDJSON)
    ResponseEntity<String> submitBatch(@AuthenticationPrincipal Jwt token, HttpServletRequest request)
            throws IOException, InterruptedException {
        Agency agency = agency(token);
        String caller = caller(token);
        GatewayProperties.Limits limits = properties.limits();
        if (!batches.tryAcquire(limits.batchWaitSeconds(), TimeUnit.SECONDS)) {
            throw new BatchesBusy();
        }
        try {
            byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                    limits.batchBytes());
            List<int[]> lines = lines(body);
            if (lines.size() > limits.batchLines()) {
                throw new BodyTooLarge(limits.batchLines());
            }
            List<Supplier<JsonNode>> submissions = lines.stream()
                    .<Supplier<JsonNode>>map(line -> () -> line(body, line[0], line[1])).toList();
            StringBuilder results = new StringBuilder();
            for (Intake.Outcome outcome : intake.recordAll(agency, caller, submissions)) {
                results.append(resultLine(outcome)).append('\n');
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(results.toString());
        } finally {
            batches.release();
        }
    }

    /** Where each line that is not blank starts and how long it is, without copying the body. */
    private static List<int[]> lines(byte[] body) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int at = 0; at <= body.length; at++) {
            if (at == body.length || body[at] == '\n') {
                int end = at > start && body[at - 1] == '\r' ? at - 1 : at;
                if (!new String(body, start, end - start, StandardCharsets.UTF_8).isBlank()) {
                    lines.add(new int[] {start, end - start});
                }
                start = at + 1;
            }
        }
        return lines;
    }

    private JsonNode parse(byte[] body, int offset, int length) {
        try {
            return json.readTree(body, offset, length);
        } catch (IOException malformed) {
            throw new MalformedJson();
        }
    }

    private JsonNode line(byte[] body, int offset, int length) {
        if (length > properties.limits().submissionBytes()) {
            throw new BodyTooLarge(properties.limits().submissionBytes());
        }
        return parse(body, offset, length);
    }

    /** One line's result; a bad line never stops the others. */
    private String resultLine(Intake.Outcome outcome) {
        ObjectNode result = json.createObjectNode();
        if (outcome.receipt() != null) {
            result.put("status", outcome.receipt().created() ? 201 : 200);
            result.setAll((ObjectNode) json.valueToTree(outcome.receipt()));
            return result.toString();
        }
        ProblemDetail problem = IntakeProblems.problem(Objects.requireNonNull(outcome.refusal()));
        result.put("status", problem.getStatus());
        result.put("title", problem.getTitle());
        result.put("detail", problem.getDetail());
        if (problem.getProperties() != null && problem.getProperties().get("errors") != null) {
            result.set("errors", json.valueToTree(problem.getProperties().get("errors")));
        }
        return result.toString();
    }

    private Agency agency(Jwt token) {
        return KeycloakClaims.agency(token.getClaims()).flatMap(register::agency)
                .orElseThrow(UnregisteredAgency::new);
    }

    private static String caller(Jwt token) {
        return KeycloakClaims.username(token.getClaims(), token.getSubject());
    }
}
