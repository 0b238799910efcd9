/**
 * The auditors' disclosure log: every read of the record (permitted, refused, searched, through the inbox or the
 * audit trail itself), read from the event store where the disclosure records are kept.
 */
@NullMarked
package org.childjourney.query.audit;

import org.jspecify.annotations.NullMarked;
