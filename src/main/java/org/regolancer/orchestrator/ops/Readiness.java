package org.regolancer.orchestrator.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the daemon is not ready: no cycle has completed for too long (a silently stalled rebalancer), or LNDg
 * has failed too many cycles in a row.
 */
public record Readiness(Duration maxCycleAge, long maxLndgFailuresInARow) {

    /**
     * @param started when the daemon started (the clock before the first cycle completes)
     * @param lastCycleEnd when the last cycle completed, or null before the first
     */
    public Optional<String> problem(Instant now, Instant started, Instant lastCycleEnd, long lndgFailuresInARow) {
        if (lndgFailuresInARow >= maxLndgFailuresInARow) {
            return Optional.of("LNDg failed " + lndgFailuresInARow + " cycles in a row");
        }
        Instant since = lastCycleEnd == null ? started : lastCycleEnd;
        Duration age = Duration.between(since, now);
        if (age.compareTo(maxCycleAge) > 0) {
            return Optional.of((lastCycleEnd == null ? "no cycle completed since start, " : "no cycle completed for ")
                    + age.toSeconds() + " s (limit " + maxCycleAge.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
