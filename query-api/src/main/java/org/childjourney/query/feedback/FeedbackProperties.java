package org.childjourney.query.feedback;

import java.util.List;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.feedback.PatternRule;
import org.childjourney.core.feedback.PatternRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The feedback loops' settings ({@code childjourney.feedback}): the pattern rules, their version, and the agency
 * alerted when a child has no lead (the social care agency of the hub).
 */
@ConfigurationProperties("childjourney.feedback")
public record FeedbackProperties(String rulesVersion, String hubAgency, List<PatternRule> rules) {

    public FeedbackProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    PatternRules patternRules() {
        return new PatternRules(rulesVersion, AgencyCode.of(hubAgency), rules);
    }
}
