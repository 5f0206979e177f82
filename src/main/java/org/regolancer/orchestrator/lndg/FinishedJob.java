package org.regolancer.orchestrator.lndg;

import java.time.Instant;

/**
 * One rebalance LNDg's own auto-rebalancer completed ({@code /api/rebalancer/}, status 2): its id, when it stopped, the
 * sats it moved, the fee in msat (null where LNDg did not record one: older LNDg versions), the target's alias as LNDg
 * names it (untrusted text, may be empty) and the target's peer.
 */
public record FinishedJob(long id, Instant stop, long valueSat, Long feeMsat, String targetAlias, String lastHop) {

    public FinishedJob {
        targetAlias = targetAlias == null ? "" : targetAlias;
        lastHop = lastHop == null ? "" : lastHop;
    }

    /** The target as a reader knows it: the alias, or the peer's key where LNDg has no alias. */
    public String targetName() {
        return !targetAlias.isBlank() ? targetAlias : lastHop.isBlank() ? "an unnamed peer" : lastHop;
    }

    /** The fee in ppm of the amount, rounded to the nearest (as our own payments'); null when the fee is unknown. */
    public Long feePpm() {
        if (feeMsat == null || valueSat <= 0) {
            return null;
        }
        return (feeMsat * 2_000 + valueSat) / (2 * valueSat);
    }
}
