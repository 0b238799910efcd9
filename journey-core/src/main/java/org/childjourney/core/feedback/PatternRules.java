package org.childjourney.core.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.NoticeKind;

/**
 * The pattern rules in force, with their version: configuration, changed by a deployment, each rule replayable over
 * history before it is switched on. An alert goes to the lead agency, or without one to the social care agency of
 * the hub ({@code hubAgency}), and carries only what that agency may see: where its grounds show every entry the
 * finding rests on, the finding in full, citing them; otherwise only that the rule found something, and which rule,
 * for the hub to look under a ground of its own.
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

    /**
     * The alerts the switched-on rules raise at {@code trigger}, on the journey before it; {@code after} gives the
     * journey's facts with the trigger recorded, which decide what the alerted agency may see (asked only if a rule
     * found something).
     */
    public List<Notice> alerts(Signal trigger, JourneySignals before, Supplier<JourneyFacts> after) {
        List<Notice> alerts = new ArrayList<>();
        for (PatternRule rule : rules) {
            if (rule.switchedOn()) {
                rule.at(trigger, before, version).ifPresent(found -> alerts.add(alert(found, after.get(),
                        trigger.recordedAt())));
            }
        }
        return alerts;
    }

    /** The alert of a rule's finding: to the lead agency, or the hub's, as much of it as that agency may see. */
    public Notice alert(PatternRule.Finding found, JourneyFacts facts, Instant at) {
        AgencyCode to = facts.leadAgency().orElse(hubAgency);
        AccessRequest asked = new AccessRequest(new Viewer("inbox of " + to.value(), to, Set.of(Role.PRACTITIONER)),
                AgencyKind.CHILDRENS_SOCIAL_CARE, Purpose.CHILD_IN_NEED, ReadKind.TIMELINE, null, at);
        boolean seesAll = AccessPolicies.current().decide(asked, facts) instanceof AccessDecision.Permitted permitted
                && found.cited().stream().allMatch(entryId -> permitted.view(entryId) != null);
        String id = NoticeKind.PATTERN_ALERT.wireName() + "-" + found.ruleId() + "-" + found.trigger();
        return seesAll ? new Notice(id, to, NoticeKind.PATTERN_ALERT, found.cited(), found.summary(), null)
                : new Notice(id, to, NoticeKind.PATTERN_ALERT, List.of(), found.description() + ": found on this"
                        + " child's journey. What it rests on is not for this agency's grounds; the hub can read the"
                        + " journey under its own. Rule " + found.ruleId() + ", version " + version + ".", null);
    }
}
