package org.regolancer.orchestrator.books;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Each channel's refills and forwards out over a rolling window, kept as sums, never as rows: the window is cut into
 * {@value #SLICES} slices (30 days: slices of 30 hours), each channel holds one sum per slice with something in it,
 * and a slice leaves the books when all of it is older than the window. So an event counts for at least the window
 * and at most one slice longer, and memory stays small and flat however busy the node (a channel costs at most
 * {@value #SLICES} + 1 sums).
 * <p>
 * LNDg's own auto-rebalancer names only the target's peer ({@code last_hop_pubkey}), so its jobs are kept by peer
 * and shared out when the books are read: to the peer's one open channel; where the peer has several, evenly among
 * those with LNDg's auto-rebalance on (all of them if none is), each such channel counting the job as a refill and
 * taking its share of sats and fee (the remainder to the lowest channel id). A job whose peer has no open channel
 * counts for no channel.
 * <p>
 * Thread-safe: payments are counted on worker threads while the cycle reads the books.
 */
public final class Books {

    public static final int SLICES = 24;

    private final Duration window;
    private final long sliceMillis;
    private final Map<ChannelId, TreeMap<Long, Tally>> channels = new HashMap<>();
    private final Map<String, TreeMap<Long, Tally>> peers = new HashMap<>();
    /** LNDg's jobs counted (by id) and the slice each is in: a job read twice counts once. */
    private final Map<Long, Long> jobs = new HashMap<>();
    private long lastForwardId;

    public Books(Duration window) {
        if (window.toMillis() < SLICES) {
            throw new IllegalArgumentException("window too short: " + window);
        }
        this.window = window;
        this.sliceMillis = window.toMillis() / SLICES;
    }

    public Duration window() {
        return window;
    }

    /** Where the window starts now: older events are no longer counted. */
    public Instant windowStart(Instant now) {
        return Instant.ofEpochMilli(firstSlice(now) * sliceMillis);
    }

    /** One refill of ours: {@code sats} into {@code target} for {@code fee}. */
    public synchronized void refill(ChannelId target, Instant time, Sat sats, Msat fee, Instant now) {
        tally(channels, target, time, now).ifPresent(t -> t.refill(sats, fee));
    }

    /**
     * One finished job of LNDg's auto-rebalancer into a channel with {@code peer}; {@code fee} null when LNDg does not
     * know it. @return false when that job was counted already (or is older than the window)
     */
    public synchronized boolean lndgJob(long id, String peer, Instant stop, Sat sats, Msat fee, Instant now) {
        if (jobs.containsKey(id)) {
            return false;
        }
        java.util.Optional<Tally> tally = tally(peers, peer, stop, now);
        tally.ifPresent(t -> {
            t.refill(sats, fee);
            jobs.put(id, slice(stop));
        });
        return tally.isPresent();
    }

    /** One forward out of {@code out} (it need not be open any more): {@code sats} left, {@code fee} earned. */
    public synchronized void forward(long id, ChannelId out, Instant time, Sat sats, Msat fee, Instant now) {
        lastForwardId = Math.max(lastForwardId, id);
        tally(channels, out, time, now).ifPresent(t -> t.forward(sats, fee));
    }

    /** The highest forward id counted (0 before any): newer forwards have higher ids. */
    public synchronized long lastForwardId() {
        return lastForwardId;
    }

    /**
     * Every channel's books over the window now, with LNDg's jobs shared among the peers' channels in {@code open}
     * (LNDg's open channels). Channels with nothing in the window are left out.
     */
    public synchronized Map<ChannelId, ChannelBook> read(Collection<Channel> open, Instant now) {
        prune(now);
        Map<ChannelId, Tally> sums = new HashMap<>();
        channels.forEach((id, slices) -> slices.values().forEach(t -> sums.computeIfAbsent(id, k -> new Tally()).add(t)));
        peers.forEach((peer, slices) -> {
            List<ChannelId> shares = sharesOf(peer, open);
            if (shares.isEmpty()) {
                return;
            }
            Tally sum = new Tally();
            slices.values().forEach(sum::add);
            int k = shares.size();
            for (int i = 0; i < k; i++) {
                Tally share = new Tally();
                share.refills = sum.refills;
                share.unknownFeeRefills = sum.unknownFeeRefills;
                share.refilled = Sat.of(sum.refilled.value() / k + (i == 0 ? sum.refilled.value() % k : 0));
                share.paid = Msat.of(sum.paid.value() / k + (i == 0 ? sum.paid.value() % k : 0));
                sums.computeIfAbsent(shares.get(i), c -> new Tally()).add(share);
            }
        });
        Map<ChannelId, ChannelBook> books = new HashMap<>();
        sums.forEach((id, t) -> books.put(id, t.book(id)));
        return books;
    }

    /** The channels a job into {@code peer} is shared among: its open ones with auto-rebalance on, else all its open ones. */
    static List<ChannelId> sharesOf(String peer, Collection<Channel> open) {
        List<ChannelId> all = new ArrayList<>();
        List<ChannelId> targets = new ArrayList<>();
        for (Channel channel : open) {
            if (channel.open() && peer.equals(channel.peer())) {
                all.add(channel.id());
                if (channel.autoRebalance()) {
                    targets.add(channel.id());
                }
            }
        }
        List<ChannelId> shares = targets.isEmpty() ? all : targets;
        shares.sort(null);
        return shares;
    }

    private <K> java.util.Optional<Tally> tally(Map<K, TreeMap<Long, Tally>> map, K key, Instant time, Instant now) {
        long slice = slice(time);
        if (slice < firstSlice(now)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(map.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(slice, s -> new Tally()));
    }

    private void prune(Instant now) {
        long first = firstSlice(now);
        prune(channels, first);
        prune(peers, first);
        jobs.values().removeIf(slice -> slice < first);
    }

    private static <K> void prune(Map<K, TreeMap<Long, Tally>> map, long first) {
        for (Iterator<TreeMap<Long, Tally>> it = map.values().iterator(); it.hasNext(); ) {
            TreeMap<Long, Tally> slices = it.next();
            slices.headMap(first).clear();
            if (slices.isEmpty()) {
                it.remove();
            }
        }
    }

    private long slice(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), sliceMillis);
    }

    private long firstSlice(Instant now) {
        return Math.floorDiv(now.toEpochMilli() - window.toMillis(), sliceMillis);
    }
}
