package org.regolancer.orchestrator.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends payment notices to Telegram one at a time, at most one a second, on a thread of its own (started when there is
 * something to send, gone after a minute with nothing to send), so a slow or failing Telegram never holds up a cycle.
 * After a failed attempt {@link TelegramRetry} decides: wait out a 429's {@code retry_after} as often as Telegram asks,
 * back off and try up to {@value TelegramRetry#MAX_ATTEMPTS} times on 5xx and time-outs, give up at once on refusals.
 * <p>
 * A notice leaves the queue only once Telegram answered it (or it was given up): a stop takes what is still waiting,
 * the one in flight included, so nothing answered is sent twice and a request without an answer may be. At a stop,
 * {@link #stop} keeps sending within the given time (a wait that would end later ends at once) and hands back what
 * is left, for the next start.
 */
public final class NoticeSender {

    /** One attempt at sending a notice; throws when Telegram refused it or did not answer. */
    public interface Delivery {
        void send(String html) throws Exception;
    }

    /** Where failures are told: a notice given up, notices dropped because the queue is full. */
    public interface Problems {
        void gaveUp(int attempts, String why);

        void dropped(int capacity);
    }

    private static final class Notice {
        final String text;
        final boolean fromLastStop;
        int attempts;
        int failures;
        Instant notBefore = Instant.MIN;

        Notice(String text, boolean fromLastStop) {
            this.text = text;
            this.fromLastStop = fromLastStop;
        }
    }

    private final Delivery delivery;
    private final Problems problems;
    private final int capacity;
    private final Duration spacing;
    private final Duration firstBackOff;
    private final Duration idleExit;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Notice> queue = new ArrayDeque<>();
    private Thread worker;
    private Instant nextSendAt = Instant.MIN;
    private boolean stopping;
    private boolean resumed;
    private Instant stopBy;
    private int fromLastStop;
    private Runnable whenLastStopsSent = () -> { };

    public NoticeSender(Delivery delivery, Problems problems, int capacity, Duration spacing, Duration firstBackOff,
            Duration idleExit, Clock clock) {
        this.delivery = delivery;
        this.problems = problems;
        this.capacity = capacity;
        this.spacing = spacing;
        this.firstBackOff = firstBackOff;
        this.idleExit = idleExit;
        this.clock = clock;
    }

    /** Queues a notice; false (and one line through {@link Problems#dropped}) when the queue is full. */
    public boolean offer(String html) {
        lock.lock();
        try {
            if (queue.size() >= capacity) {
                problems.dropped(capacity);
                return false;
            }
            queue.addLast(new Notice(html, false));
            wake();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts sending: the notices a stop left undelivered go first, before any offered so far; {@code whenSent} runs
     * once none of them waits any more. Nothing is sent before this is called.
     */
    public void resume(List<String> fromLastStop, Runnable whenSent) {
        lock.lock();
        try {
            resumed = true;
            for (int i = fromLastStop.size() - 1; i >= 0; i--) {
                queue.addFirst(new Notice(fromLastStop.get(i), true));
            }
            this.fromLastStop += fromLastStop.size();
            this.whenLastStopsSent = whenSent;
            if (this.fromLastStop == 0) {
                whenSent.run();
            }
            wake();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every queued notice was answered or given up, at most {@code max}. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        Instant end = clock.instant().plus(max);
        lock.lock();
        try {
            while (!queue.isEmpty()) {
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

    /**
     * The daemon stops: keeps sending until {@code deadline} (no wait beyond it), then hands back the notices still
     * unanswered, in order, the one in flight included. Notices offered meanwhile are sent or handed back too.
     */
    public List<String> stop(Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            stopping = true;
            stopBy = deadline;
            wake();
            while (!queue.isEmpty() && worker != null) {
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (left <= 0) {
                    break;
                }
                changed.await(left, TimeUnit.MILLISECONDS);
            }
            List<String> left = new ArrayList<>();
            queue.forEach(n -> left.add(n.text));
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock: a worker for what waits, and a nudge to the one there is. */
    private void wake() {
        if (worker == null && resumed && !queue.isEmpty()) {
            worker = new Thread(this::work, "telegram-notices");
            worker.setDaemon(true);
            worker.start();
        }
        changed.signalAll();
    }

    private void work() {
        while (true) {
            Notice notice = next();
            if (notice == null) {
                return;
            }
            String failure = null;
            try {
                delivery.send(notice.text);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            } catch (Exception e) {
                failure = TelegramRetry.answerIn(e);
            }
            finished(notice, failure);
        }
    }

    /** The next notice once it may be sent, or null when the worker should end (nothing to do, or stopping). */
    private Notice next() {
        lock.lock();
        try {
            while (true) {
                if (queue.isEmpty()) {
                    if (stopping) {
                        return exit();
                    }
                    if (!changed.await(idleExit.toMillis(), TimeUnit.MILLISECONDS) && queue.isEmpty()) {
                        return exit();
                    }
                    continue;
                }
                Notice head = queue.peekFirst();
                Instant due = head.notBefore.isAfter(nextSendAt) ? head.notBefore : nextSendAt;
                Instant now = clock.instant();
                if (stopping && due.isAfter(stopBy)) {
                    // a wait the stop would cut short anyway: what is left goes to the next start
                    return exit();
                }
                if (!due.isAfter(now)) {
                    return head;
                }
                changed.await(Duration.between(now, due).toMillis() + 1, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return exit();
        } finally {
            lock.unlock();
        }
    }

    private Notice exit() {
        worker = null;
        changed.signalAll();
        return null;
    }

    private void finished(Notice notice, String failure) {
        lock.lock();
        try {
            nextSendAt = clock.instant().plus(spacing);
            notice.attempts++;
            boolean done = failure == null;
            if (!done) {
                if (TelegramRetry.status(failure).orElse(0) != 429) {
                    notice.failures++;
                }
                TelegramRetry.Decision decision = TelegramRetry.decide(failure, notice.failures, firstBackOff);
                if (decision.giveUp()) {
                    problems.gaveUp(notice.attempts, TelegramRetry.describe(failure));
                    done = true;
                } else {
                    notice.notBefore = clock.instant().plus(decision.delay());
                }
            }
            if (done) {
                queue.remove(notice);
                if (notice.fromLastStop && --fromLastStop == 0) {
                    whenLastStopsSent.run();
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
