package org.regolancer.orchestrator.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whose turn it is: when the next cycle may start, and the daemon's stop. After a cycle whose channel fetch worked and
 * that started no regolancer run (a balanced node, every pair resting or skipped, paused, a dry run), the next fetch
 * comes {@code LNDG_REFRESH_SECONDS} after the previous one at the earliest, as LNDg refreshes its data from LND only
 * that often. The wait holds no thread spinning; a /resume, a stop and a reload of the routes end it.
 */
final class Turns {

    private final Clock clock;
    private final boolean runForever;
    private final long lndgRefreshSeconds;
    /** Guards the wait for LNDg's refresh and what ends it. */
    private final Object turn = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private Instant lastFetch;
    private boolean lastCycleIdle;
    private long reloads;
    private boolean reloading;

    Turns(Clock clock, boolean runForever, long lndgRefreshSeconds) {
        this.clock = clock;
        this.runForever = runForever;
        this.lndgRefreshSeconds = lndgRefreshSeconds;
    }

    /**
     * Waits for this cycle's turn. True when this cycle must not start: the daemon is stopping, or a reload ended the
     * wait (the reloaded route's first cycle waits for the rest).
     */
    boolean mustNotStart() {
        synchronized (turn) {
            if (reloading) {
                // the route is being replaced: its replacement starts the next cycle
                return true;
            }
            if (!stopping && lastCycleIdle && lastFetch != null && runForever && lndgRefreshSeconds > 0) {
                Instant due = lastFetch.plusSeconds(lndgRefreshSeconds);
                long reloadsBefore = reloads;
                try {
                    for (long left = millisUntil(due); left > 0 && !stopping && lastCycleIdle && reloads == reloadsBefore;
                            left = millisUntil(due)) {
                        turn.wait(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return stopping || reloads != reloadsBefore;
            }
            return stopping;
        }
    }

    private long millisUntil(Instant due) {
        return Duration.between(clock.instant(), due).toMillis();
    }

    /** A cycle's channel fetch starts now. */
    void fetchStarted(Instant at) {
        synchronized (turn) {
            lastFetch = at;
            lastCycleIdle = false;
        }
    }

    /** A cycle ended; idle when it started no run (the next fetch would see LNDg's data unchanged until it refreshes). */
    void cycleEnded(boolean idle) {
        synchronized (turn) {
            lastCycleIdle = idle;
        }
    }

    /** Telegram's /resume: runs start again within SLEEP_SECONDS, not after LNDg's refresh. */
    void resumed() {
        synchronized (turn) {
            lastCycleIdle = false;
            turn.notifyAll();
        }
    }

    /** The routes are being reloaded: a cycle waiting for its turn ends now, and none starts until the reload is done. */
    void routesReloading() {
        synchronized (turn) {
            reloading = true;
            reloads++;
            turn.notifyAll();
        }
    }

    /** The reload is done (applied or refused): cycles start again. */
    void routesReloaded() {
        synchronized (turn) {
            reloading = false;
        }
    }

    /** The daemon is stopping: no cycle starts, a wait ends. */
    void stop() {
        stopping = true;
        stopped.countDown();
        synchronized (turn) {
            turn.notifyAll();
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /** Leaves LNDg alone this long, or until the daemon stops. */
    void restUnlessStopped(Duration rest) {
        try {
            stopped.await(rest.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
