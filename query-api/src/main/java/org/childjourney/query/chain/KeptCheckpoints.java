package org.childjourney.query.chain;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoints to keep outside the system: the chain's head as it stands now, and every checkpoint recorded.
 * Given back to a verification, as it was exported, each is compared with the chain.
 *
 * @param head the chain's last link now, absent while the chain is empty
 */
public record KeptCheckpoints(@Nullable Checkpoint head, List<Checkpoint> checkpoints) {

    public KeptCheckpoints {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** Every checkpoint given, the head among them. */
    List<Checkpoint> all() {
        return head == null ? checkpoints
                : Stream.concat(Stream.of(head), checkpoints.stream()).toList();
    }
}
