package org.childjourney.query.chain;

/** Asks for a walk of the chain ({@link Verdict}), against the checkpoints kept outside the system, if any. */
public record VerifyChain(KeptCheckpoints kept) {
}
