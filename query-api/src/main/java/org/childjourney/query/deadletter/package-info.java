/**
 * The read models' dead-letter queues: an event that a projection cannot apply, when it is handled or when its
 * documents are written, waits in its processing group's queue with every later event of the same journey, while
 * every other journey goes on. Administrators list and retry them; a metric and a health indicator show them.
 */
@NullMarked
package org.childjourney.query.deadletter;

import org.jspecify.annotations.NullMarked;
