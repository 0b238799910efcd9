/**
 * The front door's worklist: the contacts and domestic abuse notifications awaiting a decision, oldest first, with
 * what the hub needs to triage them, and the hub's decisions recorded from it.
 */
@NullMarked
package org.childjourney.query.frontdoor;

import org.jspecify.annotations.NullMarked;
