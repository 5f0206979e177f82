package org.regolancer.orchestrator.cycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.regolancer.PairDispatch;

/**
 * One cycle: its number on the amount ladder, its amount, LNDg's fee cap, the channels it read, and its pairs'
 * dispatch.
 */
public final class Cycle {

    private final long number;
    private final long amountSat;
    private final long arMaxFeeRate;
    private final Instant start;
    private final Map<ChannelId, Channel> channels;
    private final int pairCount;
    private final PairDispatch dispatch;
    private final int workers;
    private Map<org.regolancer.orchestrator.pairing.PairKey, Long> budgetCaps = Map.of();
    final AtomicInteger stoppedRuns = new AtomicInteger();
    final AtomicInteger payments = new AtomicInteger();

    Cycle(long number, long amountSat, long arMaxFeeRate, Instant start, Map<ChannelId, Channel> channels, int pairCount,
            PairDispatch dispatch, int workers) {
        this.number = number;
        this.amountSat = amountSat;
        this.arMaxFeeRate = arMaxFeeRate;
        this.start = start;
        this.channels = channels;
        this.pairCount = pairCount;
        this.dispatch = dispatch;
        this.workers = workers;
    }

    public long getNumber() {
        return number;
    }

    public long getAmountSat() {
        return amountSat;
    }

    /**
     * The ppm cap of the pair's run that its target's refill budget lowers below LNDg's, if it does (such a run
     * repeats no payment).
     */
    public java.util.OptionalLong budgetCapOf(org.regolancer.orchestrator.pairing.PairKey pair) {
        Long cap = budgetCaps.get(pair);
        return cap == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(cap);
    }

    void budgetCaps(Map<org.regolancer.orchestrator.pairing.PairKey, Long> caps) {
        this.budgetCaps = Map.copyOf(caps);
    }

    /** LNDg's AR-MaxFeeRate as it was when the cycle was planned. */
    public long getArMaxFeeRate() {
        return arMaxFeeRate;
    }

    public Instant getStart() {
        return start;
    }

    public Instant getDeadline() {
        return dispatch.deadline();
    }

    public int getPairCount() {
        return pairCount;
    }

    public Map<ChannelId, Channel> channels() {
        return channels;
    }

    public PairDispatch dispatch() {
        return dispatch;
    }

    /** One token per worker that takes pairs in this cycle: as many as MAX_WORKERS, never more than pairs. */
    public List<Integer> getWorkerSlots() {
        return IntStream.rangeClosed(1, Math.min(workers, pairCount)).boxed().toList();
    }
}
