package org.childjourney.query.feedback;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.feedback.PatternRules;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.Readers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pattern rules ({@code GET /api/v1/admin/pattern-rules}: the version, each rule, switched on or off) and a
 * rule's replay over history ({@code POST /api/v1/admin/pattern-rules/{ruleId}/replay}): what it would have flagged
 * had it been switched on from the start, raising nothing: auditors only, since its examples name children's
 * journeys (the rules themselves, administrators too).
 */
@RestController
class PatternRuleController {

    private final QueryGateway queries;

    PatternRuleController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The pattern rules and their version (admin, auditor)")
    @GetMapping("/api/v1/admin/pattern-rules")
    PatternRules rules(@AuthenticationPrincipal Jwt token) {
        caller(token);
        return queries.query(new FindPatternRules(), ResponseTypes.instanceOf(PatternRules.class)).join();
    }

    @Operation(summary = "What a pattern rule would have flagged over history, raising nothing (auditor)")
    @PostMapping("/api/v1/admin/pattern-rules/{ruleId}/replay")
    RuleReplay replay(@AuthenticationPrincipal Jwt token, @PathVariable String ruleId) {
        RuleReplay replay = queries.query(new ReplayPatternRule(ruleId, Readers.holding(token, Role.AUDITOR)),
                ResponseTypes.instanceOf(RuleReplay.class)).join();
        if (!replay.found()) {
            throw new InvalidReadRequest("ruleId", "names no pattern rule");
        }
        return replay;
    }

    private static Viewer caller(Jwt token) {
        return Readers.holding(token, Role.ADMIN, Role.AUDITOR);
    }
}
