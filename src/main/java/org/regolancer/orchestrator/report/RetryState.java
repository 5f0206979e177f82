package org.regolancer.orchestrator.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The failed report's retries: which day failed and since when (retried for {@value #RETRY_HOURS} hours), and the
 * day the operator last heard of a failure (at most once a day). Not thread-safe: its owner ({@link ReportService})
 * holds the lock.
 */
final class RetryState {

    static final int RETRY_HOURS = 24;
    static final Duration RETRY_FOR = Duration.ofHours(RETRY_HOURS);

    private LocalDate pending;
    private Instant pendingSince;
    private LocalDate alertedOn;

    /** The day being retried, or null. */
    LocalDate pending() {
        return pending;
    }

    /** The day's report failed at {@code now}: its retries start, unless they already run. */
    void failed(LocalDate date, Instant now) {
        if (!date.equals(pending)) {
            pending = date;
            pendingSince = now;
        }
    }

    /** The retries of {@link #pending()} ran out by {@code now}. */
    boolean expired(Instant now) {
        return pending != null && now.isAfter(pendingSince.plus(RETRY_FOR));
    }

    /** No more retries: the day was sent, or its retries ran out. */
    void done(LocalDate date) {
        if (date.equals(pending)) {
            pending = null;
        }
    }

    /** Whether the operator is told of a failure on {@code today}: the first time that day only. */
    boolean alertOn(LocalDate today) {
        if (today.equals(alertedOn)) {
            return false;
        }
        alertedOn = today;
        return true;
    }
}
