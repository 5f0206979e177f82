package org.regolancer.orchestrator.regolancer;

import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * Whether regolancer's rapid rebalancing keeps a run within its source's margin. After a payment regolancer repeats it
 * on the same route with the amount doubled each time (a, 2a, 4a, …, up to the channels' liquidity: rebalancer.go
 * {@code tryRapidRebalance}), and before each repeat checks only that the source is still a source (remote below
 * capacity × pfrom / 100) and the target still a target (local below capacity × pto / 100): its own candidate rule
 * (channels.go). Nothing weighs the next amount against what the source has left, so one repeat can take a source far
 * below its target. The repeats stay within the margin only when the target's check ends them first: this follows
 * them as if every one paid (the largest amounts they can reach; a failed repeat is followed by smaller ones only).
 */
public final class RapidRepeats {

    private RapidRepeats() {
    }

    /**
     * @param amountSat the run's amount (at most the source's margin)
     * @return true when every repeat regolancer would make before the target's check stops it keeps the source at or
     *         above its {@code ar_out_target}
     */
    public static boolean withinMargin(Pair pair, long amountSat) {
        Channel source = pair.source();
        Channel target = pair.target();
        long margin = source.outboundMargin();
        // regolancer's integer arithmetic: Capacity * perc / 100
        long sourceRemoteBelow = source.capacity() * pair.pfrom() / 100;
        long targetLocalBelow = target.capacity() * pair.pto() / 100;
        long paid = amountSat;
        long next = amountSat;
        while (paid <= margin) {
            boolean stillSource = source.remoteBalance() + paid < sourceRemoteBelow;
            boolean stillTarget = target.localBalance() + paid < targetLocalBelow;
            if (!stillSource || !stillTarget) {
                return true;
            }
            next *= 2;
            paid += next;
        }
        return false;
    }
}
