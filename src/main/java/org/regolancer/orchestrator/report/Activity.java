package org.regolancer.orchestrator.report;

import java.time.Instant;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;

/** What happened, one event each: the inputs of the daily figures. */
public final class Activity {

    private Activity() {
    }

    /** One payment of ours, from the ledger. */
    public record Rebalance(Instant time, Sat amount, Msat fee) {
    }

    /** One successful job of LNDg's own auto-rebalancer; its fee is unknown (null) on older LNDg versions. */
    public record LndgRebalance(Instant stop, Sat value, Msat fee) {
    }

    /** One forward: the sats that left through the outgoing channel, and the fee earned. */
    public record Forward(Instant time, Msat amountOut, Msat fee) {
    }
}
