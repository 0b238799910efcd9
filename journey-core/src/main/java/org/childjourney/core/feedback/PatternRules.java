package org.childjourney.core.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;

/**
 * The pattern rules in force, with their version: configuration, changed by a deployment, each rule replayable over
 * history before it is switched on. An alert goes to the lead agency, or without one to the social care agency of
 * the hub ({@code hubAgency}).
 *
 * @param version   the rules' version, named in every alert
 * @param hubAgency the agency alerted when the child has no lead
 */
public record PatternRules(String version, AgencyCode hubAgency, List<PatternRule> rules) {

    public PatternRules {
        rules = List.copyOf(rules);
        if (rules.stream().map(PatternRule::id).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("two pattern rules have one id");
        }
    }

    /** The rule with this id, switched on or not. */
    public Optional<PatternRule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** The alerts the switched-on rules raise at {@code trigger}, on the journey before it. */
    public List<Notice> alerts(Signal trigger, JourneySignals before, JourneyFacts facts) {
        List<Notice> alerts = new ArrayList<>();
        for (PatternRule rule : rules) {
            if (rule.switchedOn()) {
                rule.at(trigger, before, facts, version).ifPresent(found -> alerts.add(alert(found, facts)));
            }
        }
        return alerts;
    }

    /** The alert of a rule's finding: to the lead agency, or the hub's. */
    public Notice alert(PatternRule.Finding found, JourneyFacts facts) {
        AgencyCode to = facts.leadAgency().orElse(hubAgency);
        return new Notice(NoticeKind.PATTERN_ALERT.wireName() + "-" + found.ruleId() + "-" + found.trigger(), to,
                NoticeKind.PATTERN_ALERT, found.cited(), found.summary(), null);
    }
}
