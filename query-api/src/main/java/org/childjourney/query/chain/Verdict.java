package org.childjourney.query.chain;

import org.jspecify.annotations.Nullable;

/**
 * What a walk of the chain found.
 *
 * @param intact          every link holds, every checkpoint matches, and no event at or before the chain's last
 *                        position is left off it
 * @param links           the links walked
 * @param head            the chain's last link as recomputed (absent on an empty chain): a checkpoint to keep
 * @param firstBroken     the first link that does not hold, absent when none
 * @param checkpointsMatched the checkpoints (stored and given) the walk found the chain to match
 * @param unchainedEvents events at or before the chain's last position that are not on it: appended behind the
 *                        chain's back, or committed within the last moments and about to be chained
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
