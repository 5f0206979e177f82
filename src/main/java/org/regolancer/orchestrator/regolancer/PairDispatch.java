package org.regolancer.orchestrator.regolancer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * Hands out one cycle's pairs to its workers so that at most {@code maxRuns} run at once and no channel is in
 * two runs at the same time. A worker whose next pair has a busy channel gets the first free pair instead;
 * when none is free it waits (without spinning) for a run to end. Nothing is handed out after the deadline
 * or after {@link #close()}.
 */
public final class PairDispatch {

    private final List<Pair> waiting;
    private final int maxRuns;
    private final Instant deadline;
    private final Clock clock;
    private final Set<ChannelId> busy = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int running;
    private int started;
    private boolean closed;

    public PairDispatch(List<Pair> pairs, int maxRuns, Instant deadline, Clock clock) {
        this.waiting = new ArrayList<>(pairs);
        this.maxRuns = maxRuns;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** Blocks until a pair can start, then reserves its channels; empty when no pair will start any more. */
    public Optional<Pair> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (closed || waiting.isEmpty() || left.isNegative() || left.isZero()) {
                    return Optional.empty();
                }
                if (running < maxRuns) {
                    Optional<Pair> free = reserveFirstFree();
                    if (free.isPresent()) {
                        return free;
                    }
                }
                changed.await(left.toMillis() + 1, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<Pair> reserveFirstFree() {
        for (Iterator<Pair> it = waiting.iterator(); it.hasNext(); ) {
            Pair pair = it.next();
            if (!busy.contains(pair.source().id()) && !busy.contains(pair.target().id())) {
                it.remove();
                busy.add(pair.source().id());
                busy.add(pair.target().id());
                running++;
                started++;
                return Optional.of(pair);
            }
        }
        return Optional.empty();
    }

    /** A run has ended: frees its channels for the waiting workers. */
    public void release(Pair pair) {
        lock.lock();
        try {
            if (busy.remove(pair.source().id()) & busy.remove(pair.target().id())) {
                running--;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A run paid into this target: its balance changed, so the pairs into it still waiting do not run in this cycle
     * (the next cycle's fresh data from LNDg decides whether it still needs liquidity). @return how many were dropped
     */
    public int dropTarget(ChannelId target) {
        lock.lock();
        try {
            int before = waiting.size();
            waiting.removeIf(pair -> pair.target().id().equals(target));
            int dropped = before - waiting.size();
            if (dropped > 0) {
                changed.signalAll();
            }
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Stops handing out pairs (shutdown); waiting workers return at once. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no run of this cycle is going (their payments recorded), at most {@code max}. */
    public boolean awaitNoneRunning(Duration max) throws InterruptedException {
        Instant end = clock.instant().plus(max);
        lock.lock();
        try {
            while (running > 0) {
                long left = Duration.between(clock.instant(), end).toMillis();
                if (left <= 0) {
                    return false;
                }
                changed.await(left, TimeUnit.MILLISECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public int started() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
    }

    /** Pairs that never started: the cycle ran out of time, or the daemon is stopping. */
    public int notStarted() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    public Instant deadline() {
        return deadline;
    }
}
