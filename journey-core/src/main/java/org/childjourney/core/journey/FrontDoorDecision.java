package org.childjourney.core.journey;

/** What the front door decided about a contact. Constants are stored in events: never renamed or removed. */
public enum FrontDoorDecision {
    NO_FURTHER_ACTION,
    ADVICE,
    EARLY_HELP,
    REFERRAL,
    STRATEGY_DISCUSSION
}
