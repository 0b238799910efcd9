/**
 * The child's journey: one event-sourced aggregate per child, identified by an opaque id, holding every entry the agencies recorded and the rules for adding to it.
 */
@NullMarked
package org.childjourney.core.journey;

import org.jspecify.annotations.NullMarked;
