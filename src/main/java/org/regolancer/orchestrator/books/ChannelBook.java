package org.regolancer.orchestrator.books;

import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * One channel's books over the window: the refills into it (ours and LNDg's own auto-rebalancer's: count, sats, fees
 * paid; refills whose fee LNDg does not know are counted apart and not summed) and the forwards out of it (count, sats,
 * fees earned).
 */
public record ChannelBook(ChannelId channel, long refills, Sat refilled, Msat paid, long unknownFeeRefills,
        long forwards, Sat forwarded, Msat earned) {

    public static ChannelBook empty(ChannelId channel) {
        return new ChannelBook(channel, 0, Sat.ZERO, Msat.ZERO, 0, 0, Sat.ZERO, Msat.ZERO);
    }

    /** Paid more for its refills than it earned forwarding out. */
    public boolean unprofitable() {
        return paid.value() > earned.value();
    }
}
