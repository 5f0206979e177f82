package org.regolancer.orchestrator.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.regolancer.orchestrator.ledger.Payment;

/** Counters since start: cycles, runs by outcome, payments, sats moved and fees paid. */
public class CycleStats {

    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong fetchFailures = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong satsMoved = new AtomicLong();
    private final AtomicLong feesMsat = new AtomicLong();
    private final Map<RunOutcome, AtomicLong> runs = new EnumMap<>(RunOutcome.class);
    private volatile Instant lastSuccess;
    private volatile Duration lastCycleDuration = Duration.ZERO;
    private long summarisedAt = -1;

    public CycleStats() {
        for (RunOutcome outcome : RunOutcome.values()) {
            runs.put(outcome, new AtomicLong());
        }
    }

    void cycleDone(Duration took) {
        cycles.incrementAndGet();
        lastCycleDuration = took;
    }

    void fetchFailed() {
        fetchFailures.incrementAndGet();
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

    public long getCycles() {
        return cycles.get();
    }

    public long getFetchFailures() {
        return fetchFailures.get();
    }

    public long getRuns() {
        return runs.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long getRuns(RunOutcome outcome) {
        return runs.get(outcome).get();
    }

    public long getSuccesses() {
        return successes.get();
    }

    public long getSatsMoved() {
        return satsMoved.get();
    }

    public long getFeesMsat() {
        return feesMsat.get();
    }

    public Instant getLastSuccess() {
        return lastSuccess;
    }

    public Duration getLastCycleDuration() {
        return lastCycleDuration;
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
