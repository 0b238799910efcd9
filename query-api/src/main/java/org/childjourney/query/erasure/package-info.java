/**
 * Erasure of a journey's content (ADR 0015, docs/erasure.md): an administrator's decision, recorded by the journey
 * ({@code JourneyErased}), then carried out by {@link JourneyErasures}: the ledger forgets the child
 * ({@link LedgerErasure}) and the journey's key is deleted, so that its events read as erased; each read model drops
 * the journey's documents on the same event.
 */
@NullMarked
package org.childjourney.query.erasure;

import org.jspecify.annotations.NullMarked;
