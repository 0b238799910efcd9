package org.childjourney.core.journey;

/**
 * The journey refused a command because it breaks one of the journey's rules. The message names the rule, never
 * the child or the content.
 */
public final class JourneyRuleViolation extends RuntimeException {

    /** The rules a command can break. */
    public enum Rule {
        /** The entry id is already used on this journey. */
        ENTRY_ALREADY_RECORDED("the entry is already recorded"),
        /** A decision names an entry that is not a front-door item (a contact, a domestic abuse notification). */
        NOT_A_CONTACT("the decision does not name a contact or domestic abuse notification on this journey"),
        /** A correction or retraction names an entry that is not on this journey or cannot be amended. */
        NO_SUCH_ENTRY("the target entry is not on this journey or cannot be amended"),
        /** Only the agency that recorded an entry may correct or retract it. */
        NOT_RECORDING_AGENCY("only the agency that recorded an entry may correct or retract it"),
        /** A retracted entry cannot be corrected or retracted again. */
        ALREADY_RETRACTED("the target entry is already retracted"),
        /** The journey is already sealed. */
        ALREADY_SEALED("the journey is already sealed"),
        /** The journey is not sealed. */
        NOT_SEALED("the journey is not sealed"),
        /** An outcome names no strategy discussion on this journey that opened a s.47 enquiry still open. */
        NOT_AN_OPEN_ENQUIRY("the outcome does not name an open s.47 enquiry on this journey"),
        /** A child protection plan is ended only by the agency that started it. */
        PLAN_STARTED_BY_ANOTHER_AGENCY("a child protection plan is ended only by the agency that started it"),
        /** A review names no break-glass grant on this journey that awaits one. */
        NO_GRANT_TO_REVIEW("no break-glass grant on this journey with that id awaits review"),
        /** An acknowledgement names no notice the journey raised for the acknowledging agency. */
        NO_SUCH_NOTICE("no notice on this journey with that id was raised for the agency"),
        /** A decision names no possible duplicate on this journey that awaits one. */
        NO_SUCH_TASK("no possible duplicate on this journey with that id awaits a decision"),
        /** A link names the journey itself. */
        LINKED_TO_ITSELF("a journey cannot be linked to itself"),
        /** A link names a journey already linked to this one. */
        ALREADY_LINKED("the journeys are already linked"),
        /** An unlink names a journey not linked to this one. */
        NOT_LINKED("the journeys are not linked"),
        /** A link would join more journeys into one child's record than a read folds. */
        TOO_MANY_LINKED("the link would join more than ten journeys into one child's record"),
        /** A decision from the hub's worklist needs the hub's ground on the journey. */
        NO_HUB_GROUND("the hub's ground does not hold on this journey now"),
        /** A decision from the hub's worklist names an item that was decided or retracted already. */
        NOT_AWAITING_DECISION("the item does not await a decision"),
        /** A journey linked to another is unlinked by the hub before it is erased, so no link names erased content. */
        STILL_LINKED("the journey is linked to another: the hub unlinks it before it is erased"),
        /** A possible duplicate of the journey awaits the hub, who decides it before the journey is erased. */
        DUPLICATE_UNDECIDED("a possible duplicate of the journey awaits the hub's decision, made before it is erased"),
        /** The journey was erased: it takes nothing more, and is erased once. */
        JOURNEY_ERASED("the journey was erased");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Rule rule;

    /** Whether the rule refuses the sender rather than the content: the contract answers such a refusal 403. */
    public boolean refusesTheSender() {
        return rule == Rule.PLAN_STARTED_BY_ANOTHER_AGENCY;
    }

    public JourneyRuleViolation(Rule rule) {
        super(rule.description());
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
