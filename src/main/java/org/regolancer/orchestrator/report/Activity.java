package org.regolancer.orchestrator.report;

import java.time.Instant;

/** What happened, one event each: the inputs of the daily figures. */
public final class Activity {

    private Activity() {
    }

    /** One payment of ours, from the ledger. */
    public record Rebalance(Instant time, long amountSat, long feeMsat) {
    }

    /** One successful job of LNDg's own auto-rebalancer; its fee (msat) is unknown on older LNDg versions. */
    public record LndgRebalance(Instant stop, long valueSat, Long feeMsat) {
    }

    /** One forward: the sats that left through the outgoing channel, and the fee earned. */
    public record Forward(Instant time, long amountOutMsat, long feeMsat) {
    }
}
