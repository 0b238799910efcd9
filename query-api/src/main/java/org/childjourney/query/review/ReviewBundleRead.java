package org.childjourney.query.review;

import org.childjourney.core.access.Erasure;

/** The review bundle, or a refusal (recorded like every other). */
public sealed interface ReviewBundleRead {

    record Shown(ReviewBundle bundle) implements ReviewBundleRead {
    }

    record Refused() implements ReviewBundleRead {
    }

    /** The journey was erased: the erasure is what a review sees. */
    record Erased(Erasure erasure) implements ReviewBundleRead {
    }
}
