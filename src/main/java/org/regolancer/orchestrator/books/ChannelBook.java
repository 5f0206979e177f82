package org.regolancer.orchestrator.books;

import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * One channel's books over the window: the refills into it (ours and LNDg's own auto-rebalancer's: count, sats, fees
 * paid in msat; refills whose fee LNDg does not know are counted apart and not summed) and the forwards out of it
 * (count, sats, fees earned in msat).
 */
public record ChannelBook(ChannelId channel, long refills, long refillSats, long paidMsat, long unknownFeeRefills,
        long forwards, long forwardSats, long earnedMsat) {

    public static ChannelBook empty(ChannelId channel) {
        return new ChannelBook(channel, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Paid more for its refills than it earned forwarding out. */
    public boolean unprofitable() {
        return paidMsat > earnedMsat;
    }
}
