package org.regolancer.orchestrator.pairing;

/**
 * A source channel to take outbound liquidity from and a target channel to refill, with the regolancer
 * thresholds that make regolancer agree with LNDg: {@code pfrom = 100 − source.ar_out_target},
 * {@code pto = 100 − target.ar_in_target}.
 */
public record Pair(Channel source, Channel target) {

    public int pfrom() {
        return 100 - source.arOutTarget();
    }

    public int pto() {
        return 100 - target.arInTarget();
    }

    /**
     * This pair's run amount: the cycle's, lowered to what LNDg's rule lets the source give (its margin above its
     * {@code ar_out_target}), so that no payment takes the source below its target.
     */
    public long amount(long cycleAmountSat) {
        return Math.max(0, Math.min(cycleAmountSat, source.outboundMargin()));
    }

    /** True when this pair and the other one share a channel, as source or target. */
    public boolean sharesChannelWith(Pair other) {
        return source.id().equals(other.source.id()) || source.id().equals(other.target.id())
                || target.id().equals(other.source.id()) || target.id().equals(other.target.id());
    }

    public PairKey key() {
        return new PairKey(source.id(), target.id());
    }

    public String label() {
        return source.displayName() + " → " + target.displayName();
    }

    @Override
    public String toString() {
        return source.id() + "→" + target.id();
    }
}
