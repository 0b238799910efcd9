/**
 * The record talking back: what an entry tells the agencies around the child (the outcome of a referral, a plan's
 * start or end, an Operation Encompass notice to the child's school) and the pattern rules over a whole journey.
 * Pure functions of the journey as it stood before the entry, so that the query API's processor and a replay of a
 * rule over history decide alike.
 */
@NullMarked
package org.childjourney.core.feedback;

import org.jspecify.annotations.NullMarked;
