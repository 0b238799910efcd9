/**
 * Retention review (ADR 0015, docs/erasure.md): when each journey's record is due for review under the deployment's
 * retention schedule, for the records manager's decision; disposal is an erasure, a person's decision, recorded.
 */
@NullMarked
package org.childjourney.query.retention;

import org.jspecify.annotations.NullMarked;
