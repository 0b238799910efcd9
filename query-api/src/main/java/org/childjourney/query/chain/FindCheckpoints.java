package org.childjourney.query.chain;

/** Asks for the chain's checkpoints, to export them ({@link KeptCheckpoints}). */
public record FindCheckpoints() {
}
