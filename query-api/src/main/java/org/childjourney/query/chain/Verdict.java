package org.childjourney.query.chain;

import org.jspecify.annotations.Nullable;

/**
 * What a walk of the chain found.
 *
 * @param intact          every link holds, every checkpoint matches, and no event is left off the chain
 * @param links           the links walked
 * @param head            the chain's last link as recomputed (absent on an empty chain): a checkpoint to keep
 * @param firstBroken     the first link that does not hold, absent when none
 * @param checkpointsMatched the checkpoints (stored and given) the walk found the chain to match
 * @param unchainedEvents events the chain should hold and does not: at or before the furthest position chained, or
 *                        passed by the chainer (less the appends it still waits for). Appended behind the chain's
 *                        back, their links removed, or an append so late the chainer stopped waiting for it (chained
 *                        at the query API's next start)
 * @param firstUnchainedPosition the first of them
 */
public record Verdict(boolean intact, long links, @Nullable Checkpoint head, @Nullable BrokenLink firstBroken,
        long checkpointsMatched, long unchainedEvents, @Nullable Long firstUnchainedPosition) {

    /**
     * A link that does not hold: its number, the store position it chains (absent when the link itself is missing)
     * and why, in words.
     */
    public record BrokenLink(long link, @Nullable Long position, String reason) {
    }
}
