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

    long getSuccesses();

    long getSatsMoved();

    long getFeesMsat();

    /** ISO-8601 time of the last payment, empty before the first. */
    String getLastSuccessTime();

    long getLastCycleDurationMillis();

    /** ISO-8601 time the last cycle ended, empty before the first. */
    String getLastCycleEndTime();
}
