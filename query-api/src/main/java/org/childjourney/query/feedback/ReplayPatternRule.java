package org.childjourney.query.feedback;

import org.childjourney.core.access.Viewer;

/** Replay a configured pattern rule, switched on or not, over every journey in the store. */
public record ReplayPatternRule(String ruleId, Viewer askedBy) {
}
