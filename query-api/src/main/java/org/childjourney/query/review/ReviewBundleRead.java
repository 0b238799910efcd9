package org.childjourney.query.review;

/** The review bundle, or a refusal (recorded like every other). */
public sealed interface ReviewBundleRead {

    record Shown(ReviewBundle bundle) implements ReviewBundleRead {
    }

    record Refused() implements ReviewBundleRead {
    }
}
