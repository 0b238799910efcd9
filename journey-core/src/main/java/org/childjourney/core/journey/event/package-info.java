/**
 * The published event schema. Frozen: one record per file, past tense, revisioned; renaming or moving an event needs an upcaster. Personal values are wrapped so that {@code toString()} redacts them.
 */
@NullMarked
package org.childjourney.core.journey.event;

import org.jspecify.annotations.NullMarked;
