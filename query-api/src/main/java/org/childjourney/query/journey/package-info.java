/**
 * The query API's way to the journey's decisions: the commands its callers' reads and requests send to the
 * {@code ChildJourney} aggregate (ADR 0009).
 */
@NullMarked
package org.childjourney.query.journey;

import org.jspecify.annotations.NullMarked;
