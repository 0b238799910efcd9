/**
 * Possible duplicates for the hub: the journeys the gateway doubted were two children (an NHS number and a local id
 * on two journeys; a new child like another), listed for the hub and decided by it on the journey.
 */
@NullMarked
package org.childjourney.query.duplicates;

import org.jspecify.annotations.NullMarked;
