package org.regolancer.orchestrator.pairing;

/**
 * One channel as LNDg reports it, reduced to what pairing and the judgment of runs need. Balances and capacity are
 * in sats; the AR targets are LNDg's per-channel percentages (1–100); {@code htlcCount} the HTLCs pending on it.
 */
public record Channel(
        ChannelId id,
        String alias,
        String peer,
        long capacity,
        long localBalance,
        long remoteBalance,
        long pendingOutbound,
        long pendingInbound,
        boolean active,
        boolean open,
        boolean isPrivate,
        boolean autoRebalance,
        int arInTarget,
        int arOutTarget,
        ChannelFees fees,
        int htlcCount) {

    public Channel {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        alias = alias == null ? "" : alias;
        fees = fees == null ? ChannelFees.NONE : fees;
        htlcCount = Math.max(0, htlcCount);
    }

    /** LNDg's outbound %: floor((local + pending outbound) × 100 / capacity). */
    public int outboundPercent() {
        return (int) Math.floorDiv((localBalance + pendingOutbound) * 100, capacity);
    }

    /**
     * What LNDg would let a rebalance take out of this channel as a source: the sats above its {@code ar_out_target}.
     * LNDg uses a source for a job of value v only while {@code (local + pending outbound − v) × 100 / capacity ≥
     * ar_out_target} (rebalancer.py, integer division), i.e. v ≤ local + pending outbound − ⌈ar_out_target × capacity /
     * 100⌉. Negative when the channel is below its target.
     */
    public long outboundMargin() {
        long floor = -Math.floorDiv(-(long) arOutTarget * capacity, 100); // ⌈ar_out_target × capacity / 100⌉
        return localBalance + pendingOutbound - floor;
    }

    /** LNDg's inbound %: floor((remote + pending inbound) × 100 / capacity). */
    public int inboundPercent() {
        return (int) Math.floorDiv((remoteBalance + pendingInbound) * 100, capacity);
    }

    /** The alias, or the channel id when the peer has none. */
    public String displayName() {
        return alias.isBlank() ? id.value() : alias;
    }
}
