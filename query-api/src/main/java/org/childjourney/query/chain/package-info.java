/**
 * Tamper evidence: every event in the store, the disclosure records among them, hash-chained over its stored bytes
 * in an order of the chain's own ({@link EventChainer}), with checkpoints to keep outside the system, and a walk of
 * the chain that names the first broken link ({@link ChainVerification}), from the admin API or the command
 * {@link VerifyChainCommand}.
 */
@NullMarked
package org.childjourney.query.chain;

import org.jspecify.annotations.NullMarked;
