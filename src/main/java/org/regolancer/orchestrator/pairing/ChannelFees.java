package org.regolancer.orchestrator.pairing;

/**
 * LNDg's fee fields of one channel: our fee rate on it, the peer's fee rate towards us on it (both ppm), and the
 * share of our fee a rebalance into it may cost ({@code ar_max_cost}, percent). {@value #UNKNOWN} stands for a field
 * LNDg left out, sent as null, or sent negative (LNDg uses -1 for "not known yet").
 */
public record ChannelFees(int localFeeRate, int remoteFeeRate, int arMaxCost) {

    public static final int UNKNOWN = -1;
    public static final ChannelFees NONE = new ChannelFees(UNKNOWN, UNKNOWN, UNKNOWN);

    public ChannelFees {
        localFeeRate = Math.max(UNKNOWN, localFeeRate);
        remoteFeeRate = Math.max(UNKNOWN, remoteFeeRate);
        arMaxCost = Math.max(UNKNOWN, arMaxCost);
    }

    /** True when all three are known: only then can LNDg's fee cap be worked out. */
    public boolean known() {
        return localFeeRate >= 0 && remoteFeeRate >= 0 && arMaxCost >= 0;
    }
}
