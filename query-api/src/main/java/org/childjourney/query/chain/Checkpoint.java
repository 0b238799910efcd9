package org.childjourney.query.chain;

import org.jspecify.annotations.Nullable;

/**
 * The chain as it stood at one link: its number, the store position of the event it chains, its hash (hex) and when
 * it was made. Kept outside the system, a checkpoint lets a verification tell a chain rewritten whole (events and
 * links alike, by someone who can write to the store) from the chain as it was.
 *
 * @param madeAt when the checkpoint was made (ISO-8601), absent on one given back without it
 */
public record Checkpoint(long link, long position, String hash, @Nullable String madeAt) {
}
