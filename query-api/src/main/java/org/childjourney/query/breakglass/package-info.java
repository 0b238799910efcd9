/**
 * Emergency access (ground {@code break-glass}): grants opened on the journey by the reads that rest on them, the
 * notices they send, and the auditors' review queue.
 */
@NullMarked
package org.childjourney.query.breakglass;

import org.jspecify.annotations.NullMarked;
