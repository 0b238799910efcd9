package org.childjourney.query.feedback;

/** The pattern rules in force, with their version: configuration, no child's data. */
public record FindPatternRules() {
}
