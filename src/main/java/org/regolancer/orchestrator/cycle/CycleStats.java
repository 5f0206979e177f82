package org.regolancer.orchestrator.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.regolancer.orchestrator.ledger.Payment;

/** Counters since start: cycles, runs by outcome, payments, sats moved and fees paid. */
public class CycleStats implements CycleStatsMBean {

    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong fetchFailures = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong satsMoved = new AtomicLong();
    private final AtomicLong feesMsat = new AtomicLong();
    private final Map<RunOutcome, AtomicLong> runs = new EnumMap<>(RunOutcome.class);
    private volatile Instant lastSuccess;
    private volatile Duration lastCycleDuration = Duration.ZERO;
    private volatile Instant lastCycleEnd;
    private final AtomicLong fetchFailuresInARow = new AtomicLong();
    private long summarisedAt = -1;

    public CycleStats() {
        for (RunOutcome outcome : RunOutcome.values()) {
            runs.put(outcome, new AtomicLong());
        }
    }

    void cycleDone(Duration took, Instant end) {
        cycles.incrementAndGet();
        lastCycleDuration = took;
        lastCycleEnd = end;
    }

    void fetchFailed() {
        fetchFailures.incrementAndGet();
        fetchFailuresInARow.incrementAndGet();
    }

    void fetchWorked() {
        fetchFailuresInARow.set(0);
    }

    void run(RunOutcome outcome) {
        runs.get(outcome).incrementAndGet();
    }

    void payment(Payment payment) {
        successes.incrementAndGet();
        satsMoved.addAndGet(payment.amountSat());
        feesMsat.addAndGet(payment.feeMsat());
        lastSuccess = payment.time();
    }

    @Override
    public long getFetchFailuresInARow() {
        return fetchFailuresInARow.get();
    }

    @Override
    public long getRunsSucceeded() {
        return getRuns(RunOutcome.SUCCESS);
    }

    @Override
    public long getRunsNothingPossible() {
        return getRuns(RunOutcome.NOTHING_POSSIBLE);
    }

    @Override
    public long getRunsTimedOut() {
        return getRuns(RunOutcome.TIMED_OUT);
    }

    @Override
    public long getRunsStopped() {
        return getRuns(RunOutcome.STOPPED);
    }

    @Override
    public long getRunsFailed() {
        return getRuns(RunOutcome.FAILED);
    }

    @Override
    public String getLastSuccessTime() {
        Instant t = lastSuccess;
        return t == null ? "" : t.toString();
    }

    @Override
    public long getLastCycleDurationMillis() {
        return lastCycleDuration.toMillis();
    }

    @Override
    public String getLastCycleEndTime() {
        Instant t = lastCycleEnd;
        return t == null ? "" : t.toString();
    }

    /** When the last cycle ended, or null before the first. */
    public Instant lastCycleEnd() {
        return lastCycleEnd;
    }

    @Override
    public long getCycles() {
        return cycles.get();
    }

    @Override
    public long getFetchFailures() {
        return fetchFailures.get();
    }

    @Override
    public long getRuns() {
        return runs.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long getRuns(RunOutcome outcome) {
        return runs.get(outcome).get();
    }

    @Override
    public long getSuccesses() {
        return successes.get();
    }

    @Override
    public long getSatsMoved() {
        return satsMoved.get();
    }

    @Override
    public long getFeesMsat() {
        return feesMsat.get();
    }

    public Instant getLastSuccess() {
        return lastSuccess;
    }


    /** The summary line, or null when nothing happened since the last one. */
    public synchronized String summaryIfChanged() {
        long activity = cycles.get() + fetchFailures.get();
        if (activity == summarisedAt) {
            return null;
        }
        summarisedAt = activity;
        return summary();
    }

    public String summary() {
        return "Since start: " + cycles.get() + " cycles (" + fetchFailures.get() + " LNDg failures), " + getRuns()
                + " runs " + runs + ", " + successes.get() + " payments, " + satsMoved.get() + " sat moved, "
                + java.math.BigDecimal.valueOf(feesMsat.get(), 3).stripTrailingZeros().toPlainString() + " sat fees";
    }
}
