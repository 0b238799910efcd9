package org.childjourney.query.chain;

/** The chain does not hold, so no checkpoint of it is worth keeping: the walk's verdict says where it broke. */
public class ChainBroken extends RuntimeException {

    private final transient Verdict verdict;

    ChainBroken(Verdict verdict) {
        super("the event chain does not hold");
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
