package org.regolancer.orchestrator.lndg;

import java.time.Duration;

/**
 * How long to leave LNDg alone after it failed some cycles in a row: the gap between two channel fetches grows
 * from {@code first}, doubling with each failure, up to {@code max}. SLEEP_SECONDS already counts towards it, so
 * with the default 5 s sleep the first failures add nothing; with {@code SLEEP_SECONDS=0} an LNDg that is down is
 * not asked a thousand times a second.
 */
public record LndgRetryPause(Duration first, Duration max) {

    public LndgRetryPause {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= max: " + first + ", " + max);
        }
    }

    /** The wait to add after the cycle's usual sleep, given LNDg's failures in a row (the one just now included). */
    public Duration extraAfter(long failuresInARow, Duration sleep) {
        if (failuresInARow <= 0) {
            return Duration.ZERO;
        }
        Duration gap = first;
        for (long i = 1; i < failuresInARow && gap.compareTo(max) < 0; i++) {
            gap = gap.multipliedBy(2);
        }
        gap = gap.compareTo(max) > 0 ? max : gap;
        Duration extra = gap.minus(sleep);
        return extra.isNegative() ? Duration.ZERO : extra;
    }
}
