package org.regolancer.orchestrator.ledger;

import java.time.Instant;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * One successful rebalance payment: when, from which channel to which, how much (sats, fees excluded) and what
 * it cost (msat, and ppm of the amount rounded to the nearest whole ppm).
 */
public record Payment(
        Instant time,
        ChannelId source,
        String sourceAlias,
        ChannelId target,
        String targetAlias,
        long amountMsat,
        long feeMsat) {

    public long amountSat() {
        return amountMsat / 1000;
    }

    public long feePpm() {
        return (feeMsat * 2_000_000 + amountMsat) / (2 * amountMsat);
    }

    public String sourceName() {
        return sourceAlias.isBlank() ? source.value() : sourceAlias;
    }

    public String targetName() {
        return targetAlias.isBlank() ? target.value() : targetAlias;
    }
}
