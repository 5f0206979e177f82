package org.regolancer.orchestrator.pairing;

/** A pair by its channels only: what stays the same for a pair from one cycle (and one start) to the next. */
public record PairKey(ChannelId source, ChannelId target) {

    @Override
    public String toString() {
        return source + "→" + target;
    }
}
