package org.childjourney.query.rebuild;

/** Where a rebuild stands; answers nothing for an id this instance did not start. */
public record FindRebuild(String rebuildId) {
}
