package org.childjourney.core.journey;

/**
 * What a strategy discussion decided (Working Together 2018, seeds/004): a s.47 enquiry where there is reasonable
 * cause to suspect significant harm, otherwise help under s.17, early help or nothing further. Constants are stored
 * in events: never renamed or removed.
 */
public enum StrategyDecision {
    S47_ENQUIRY,
    CHILD_IN_NEED,
    EARLY_HELP,
    NO_FURTHER_ACTION
}
