package org.regolancer.orchestrator.cycle;

/** The daemon's counters over JMX: {@code org.regolancer.orchestrator:type=Stats,name=cycles}. */
public interface CycleStatsMBean {

    long getCycles();

    long getFetchFailures();

    /** LNDg failures in a row, 0 after a cycle whose fetch worked. */
    long getFetchFailuresInARow();

    /** Pairs handed to regolancer (every run, whatever its outcome). */
    long getRuns();

    long getRunsSucceeded();

    long getRunsNothingPossible();

    long getRunsTimedOut();

    long getRunsStopped();

    long getRunsFailed();

    /** True while rebalancing is paused (Telegram's /pause): no run starts. */
    boolean isPaused();

    /** Pairs resting now after failed runs. */
    int getPairsWaiting();

    /** Pairs not run since start because they rested after failed runs. */
    long getPairsSkippedWait();

    /** Pairs not run since start because LNDg's fee cap of their target cannot be met. */
    long getPairsSkippedFee();

    /** Pairs not run since start because a channel had MAX_PENDING_HTLCS pending HTLCs or more. */
    long getPairsSkippedHtlc();

    /** Pairs not run since start because their target was paid into earlier in the cycle. */
    long getPairsSkippedTargetPaid();

    /** Pairs not run since start because their target's refill fees reached its refill budget. */
    long getPairsSkippedBudget();

    /** Targets the last cycle did not run because their refill fees reached their refill budget. */
    int getTargetsOverBudget();

    long getSuccesses();

    long getSatsMoved();

    long getFeesMsat();

    /** ISO-8601 time of the last payment, empty before the first. */
    String getLastSuccessTime();

    long getLastCycleDurationMillis();

    /** ISO-8601 time the last cycle ended, empty before the first. */
    String getLastCycleEndTime();
}
