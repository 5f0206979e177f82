package org.regolancer.orchestrator.cycle;

import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ops.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.regolancer.RunOutcome;

/** Counters since start: cycles, runs by outcome, pairs skipped by reason, payments, sats moved and fees paid. */
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
    private final Map<SkipReason, AtomicLong> skipped = new EnumMap<>(SkipReason.class);
    private volatile IntSupplier pairsWaiting = () -> 0;
    private volatile LastCycle lastCycle;
    private volatile LndgFailure lastLndgFailure;

    /** The last cycle that ran: when it ended, its pairs (to run), runs started, payments, how long it took. */
    public record LastCycle(Instant end, int pairs, int runs, int payments, Duration took) {
    }

    /** LNDg's last failure: when, and why in words. */
    public record LndgFailure(Instant at, String why) {
    }
    private long summarisedAt = -1;

    public CycleStats() {
        for (RunOutcome outcome : RunOutcome.values()) {
            runs.put(outcome, new AtomicLong());
        }
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, new AtomicLong());
        }
    }

    private volatile java.util.function.BooleanSupplier paused = () -> false;

    /** Where "paused" comes from (Telegram's /pause). */
    public void setPaused(java.util.function.BooleanSupplier source) {
        this.paused = source;
    }

    @Override
    public boolean isPaused() {
        return paused.getAsBoolean();
    }

    /** Where the number of pairs resting now comes from (the judgment's waits). */
    public void setPairsWaiting(IntSupplier source) {
        this.pairsWaiting = source;
    }

    void skipped(SkipReason reason, long pairs) {
        skipped.get(reason).addAndGet(pairs);
    }

    public long getSkipped(SkipReason reason) {
        return skipped.get(reason).get();
    }

    @Override
    public int getPairsWaiting() {
        return pairsWaiting.getAsInt();
    }

    @Override
    public long getPairsSkippedWait() {
        return getSkipped(SkipReason.WAIT);
    }

    @Override
    public long getPairsSkippedFee() {
        return getSkipped(SkipReason.FEE);
    }

    @Override
    public long getPairsSkippedHtlc() {
        return getSkipped(SkipReason.HTLC);
    }

    @Override
    public long getPairsSkippedTargetPaid() {
        return getSkipped(SkipReason.TARGET_PAID);
    }

    private volatile int targetsOverBudget;

    void targetsOverBudget(int targets) {
        targetsOverBudget = targets;
    }

    /** Targets the last cycle did not run because their refill fees reached their refill budget. */
    @Override
    public int getTargetsOverBudget() {
        return targetsOverBudget;
    }

    @Override
    public long getPairsSkippedBudget() {
        return getSkipped(SkipReason.BUDGET);
    }

    void cycleDone(Duration took, Instant end) {
        cycles.incrementAndGet();
        lastCycleDuration = took;
        lastCycleEnd = end;
    }

    void fetchFailed(Instant at, String why) {
        fetchFailures.incrementAndGet();
        fetchFailuresInARow.incrementAndGet();
        lastLndgFailure = new LndgFailure(at, why);
    }

    void lastCycle(LastCycle cycle) {
        lastCycle = cycle;
    }

    /** The last cycle that ran, or null before the first. */
    public LastCycle lastCycle() {
        return lastCycle;
    }

    /** LNDg's last failure since start, or null. */
    public LndgFailure lastLndgFailure() {
        return lastLndgFailure;
    }

    void fetchWorked() {
        fetchFailuresInARow.set(0);
    }

    void run(RunOutcome outcome) {
        runs.get(outcome).incrementAndGet();
    }

    void payment(Payment payment) {
        successes.incrementAndGet();
        satsMoved.addAndGet(payment.amountSat().value());
        feesMsat.addAndGet(payment.fee().value());
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

    private String skippedText() {
        StringBuilder text = new StringBuilder("{");
        skipped.forEach((reason, n) -> text.append(text.length() > 1 ? ", " : "").append(reason.label()).append('=').append(n.get()));
        return text.append('}').toString();
    }

    /**
     * The stop's one line: what the daemon did since it started, and that the ledger is closed (rows the disk refused
     * wait for the next start, said apart).
     */
    public String stopLine(Duration up, int rowsWaiting) {
        return "Stopped after " + uptime(up) + ": " + count(cycles.get(), "cycle") + ", " + count(getRuns(), "regolancer run")
                + ", " + count(successes.get(), "payment") + ", " + String.format(java.util.Locale.ROOT, "%,d", satsMoved.get())
                + " sat moved for " + Msat.asSats(feesMsat.get()) + " sat fees; the ledger is closed"
                + (rowsWaiting > 0 ? " (" + rowsWaiting + " payments wait for the next start)" : "");
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** "2 h 5 min", "4 min 12 s", "9 s". */
    static String uptime(Duration up) {
        long s = Math.max(0, up.toSeconds());
        if (s >= 3600) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }

    public String summary() {
        return "Since start: " + Words.count(cycles.get(), "cycle") + " (" + Words.count(fetchFailures.get(), "LNDg failure")
                + "), " + Words.count(getRuns(), "run") + " " + runs + ", pairs skipped " + skippedText() + ", "
                + Words.count(successes.get(), "payment") + ", " + satsMoved.get() + " sat moved, "
                + Msat.asSats(feesMsat.get()) + " sat fees";
    }
}
