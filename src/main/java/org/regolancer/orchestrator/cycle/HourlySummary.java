package org.regolancer.orchestrator.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The hourly summary line: when an hour has passed since the last one (or the start) and something happened. */
final class HourlySummary {

    static final Duration EVERY = Duration.ofHours(1);

    private final CycleStats stats;
    private final Clock clock;
    private Instant next;

    HourlySummary(CycleStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** The line when it is due, otherwise null. */
    synchronized String ifDue() {
        Instant now = clock.instant();
        if (next == null) {
            next = now.plus(EVERY);
            return null;
        }
        if (now.isBefore(next)) {
            return null;
        }
        next = now.plus(EVERY);
        return stats.summaryIfChanged();
    }
}
