package org.childjourney.query.rebuild;

/** Rebuild every read model into the next generation, beside the live one; answers the rebuild's id. */
public record StartRebuild() {
}
