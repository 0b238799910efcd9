/**
 * Appending disclosure records to the event store: every read, permitted or refused, before any data leaves.
 */
@NullMarked
package org.childjourney.query.disclosure;

import org.jspecify.annotations.NullMarked;
