/**
 * Erasure in an append-only store (ADR 0015): the personal content of each journey's events is enciphered under a
 * key of the journey's own, kept in a key store apart from the event store, and erased by deleting that key. The one
 * package of the core that reads a database of its own (the key store's), through JDBC.
 */
@NullMarked
package org.childjourney.core.cipher;

import org.jspecify.annotations.NullMarked;
