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
        Msat amount,
        Msat fee) {

    /** The whole sats moved, the msat below a sat dropped. */
    public Sat amountSat() {
        return amount.wholeSats();
    }

    /** The fee's rate of the amount, rounded half up to a whole ppm (exact in integers, from the msat). */
    public Ppm feePpm() {
        return Ppm.of((fee.value() * 2_000_000 + amount.value()) / (2 * amount.value()));
    }

    public String sourceName() {
        return sourceAlias.isBlank() ? source.value() : sourceAlias;
    }

    public String targetName() {
        return targetAlias.isBlank() ? target.value() : targetAlias;
    }
}
