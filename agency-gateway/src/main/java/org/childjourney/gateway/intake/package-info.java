/**
 * Intake of agency submissions: validation, idempotency per agency and source record, finding the child's journey, and translation into commands.
 */
@NullMarked
package org.childjourney.gateway.intake;

import org.jspecify.annotations.NullMarked;
