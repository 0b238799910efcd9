/**
 * Erasure of a journey's content (ADR 0015, docs/erasure.md): an administrator's decision, recorded by the journey
 * ({@code JourneyErased}) with the ledger forgetting the child in the same transaction ({@link LedgerForgetsAtOnce},
 * {@link LedgerErasure}); then {@link JourneyErasures} deletes the journey's key, so that its events read as erased,
 * and each read model drops the journey's documents on the same event.
 */
@NullMarked
package org.childjourney.query.erasure;

import org.jspecify.annotations.NullMarked;
