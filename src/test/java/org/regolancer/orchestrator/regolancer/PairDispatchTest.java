package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Pair;

class PairDispatchTest {

    private static Channel ch(String id) {
        return channel(id, "02" + id.repeat(66).substring(0, 64), 1_000_000, 500_000, 500_000, 0, 0, false, 90, 75);
    }

    private static final Channel S1 = ch("1");
    private static final Channel S2 = ch("2");
    private static final Channel T1 = ch("3");
    private static final Channel T2 = ch("4");

    private static PairDispatch dispatch(List<Pair> pairs, int maxRuns, Duration left) {
        return new PairDispatch(pairs, maxRuns, Instant.now().plus(left), Clock.systemUTC());
    }

    /** A second worker asking for a pair. */
    /** A worker's take() on a thread of its own, handed back once that worker waits in it (or has its answer). */
    private static CompletableFuture<Optional<Pair>> takeInBackground(PairDispatch dispatch) throws Exception {
        CompletableFuture<Optional<Pair>> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(dispatch.take());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "worker");
        worker.setDaemon(true);
        worker.start();
        // take() waits on a condition with a deadline: TIMED_WAITING, and nothing else in it is timed
        assertTrue(Await.until(Duration.ofSeconds(5), () -> result.isDone() || worker.getState() == Thread.State.TIMED_WAITING),
                "the worker waits in take()");
        return result;
    }

    @Test
    void skipsAPairWithABusyChannelForAFreeOne() throws Exception {
        PairDispatch dispatch = dispatch(List.of(new Pair(S1, T1), new Pair(S1, T2), new Pair(S2, T2)), 2,
                Duration.ofMinutes(1));
        assertEquals("1→3", dispatch.take().orElseThrow().toString());
        assertEquals("2→4", dispatch.take().orElseThrow().toString(), "1→4 waits: channel 1 is busy");
    }

    @Test
    void aPaidTargetsWaitingPairsAreDroppedAndAWorkerWaitingForThemGoesHome() throws Exception {
        Pair s1t1 = new Pair(S1, T1);
        Pair s2t1 = new Pair(S2, T1);
        Pair s2t2 = new Pair(S2, T2);
        PairDispatch dispatch = dispatch(List.of(s1t1, s2t1, s2t2), 2, Duration.ofMinutes(1));
        assertEquals(s1t1, dispatch.take().orElseThrow());
        assertEquals(s2t2, dispatch.take().orElseThrow(), "2→3 waits: channel 3 is busy");
        dispatch.release(s2t2);
        CompletableFuture<Optional<Pair>> next = takeInBackground(dispatch);
        assertTrue(!next.isDone(), "2→3 still waits for channel 3");
        assertEquals(1, dispatch.dropTarget(T1.id()), "1→3 paid into 3: 2→3 does not run in this cycle");
        dispatch.release(s1t1);
        assertEquals(Optional.empty(), next.get(2, TimeUnit.SECONDS), "nothing left to hand out");
        assertEquals(0, dispatch.notStarted(), "dropped, not left over at the deadline");
        assertEquals(0, dispatch.dropTarget(T2.id()), "none waiting into 4");
    }

    @Test
    void neverHandsOutMoreThanMaxRunsAndWaitsWithoutSpinningForARelease() throws Exception {
        Pair a = new Pair(S1, T1);
        Pair b = new Pair(S2, T2);
        PairDispatch dispatch = dispatch(List.of(a, b), 1, Duration.ofMinutes(1));
        assertEquals(a, dispatch.take().orElseThrow());
        CompletableFuture<Optional<Pair>> next = takeInBackground(dispatch);
        assertTrue(!next.isDone(), "second worker waits while one run goes");
        dispatch.release(a);
        assertEquals(b, next.get(2, TimeUnit.SECONDS).orElseThrow());
    }

    @Test
    void aWaitingWorkerGetsTheBlockedPairOnceItsChannelIsFree() throws Exception {
        Pair a = new Pair(S1, T1);
        Pair sameSource = new Pair(S1, T2);
        PairDispatch dispatch = dispatch(List.of(a, sameSource), 2, Duration.ofMinutes(1));
        dispatch.take();
        CompletableFuture<Optional<Pair>> next = takeInBackground(dispatch);
        assertTrue(!next.isDone(), "1→4 waits for channel 1");
        dispatch.release(a);
        assertEquals(sameSource, next.get(2, TimeUnit.SECONDS).orElseThrow());
    }

    @Test
    void handsOutNothingAfterTheDeadlineOrAfterClose() throws Exception {
        PairDispatch late = dispatch(List.of(new Pair(S1, T1)), 2, Duration.ofMillis(-1));
        assertEquals(Optional.empty(), late.take());
        assertEquals(1, late.notStarted());

        PairDispatch closing = dispatch(List.of(new Pair(S1, T1), new Pair(S1, T2)), 2, Duration.ofMinutes(1));
        closing.take();
        CompletableFuture<Optional<Pair>> waiting = takeInBackground(closing);
        assertTrue(!waiting.isDone(), "1→4 waits for channel 1");
        closing.close();
        assertEquals(Optional.empty(), waiting.get(2, TimeUnit.SECONDS), "close wakes the waiting worker");
    }

    @Test
    void aWorkerWaitingForABusyChannelGivesUpAtTheDeadline() throws Exception {
        PairDispatch dispatch = dispatch(List.of(new Pair(S1, T1), new Pair(S1, T2)), 2, Duration.ofMillis(300));
        dispatch.take();
        Instant start = Instant.now();
        assertEquals(Optional.empty(), dispatch.take());
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2000);
    }

    @Test
    void manyWorkersNeverShareAChannelAndNeverExceedTheLimit() throws Exception {
        List<Channel> sources = new ArrayList<>();
        List<Channel> targets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sources.add(ch(Integer.toString(10 + i)));
            targets.add(ch(Integer.toString(20 + i)));
        }
        List<Pair> pairs = new ArrayList<>();
        sources.forEach(s -> targets.forEach(t -> pairs.add(new Pair(s, t))));
        PairDispatch dispatch = dispatch(pairs, 3, Duration.ofMinutes(1));
        List<Pair> running = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread worker = new Thread(() -> {
                try {
                    for (Optional<Pair> p = dispatch.take(); p.isPresent(); p = dispatch.take()) {
                        Pair pair = p.get();
                        synchronized (running) {
                            if (running.stream().anyMatch(r -> r.sharesChannelWith(pair))) {
                                conflicts.incrementAndGet();
                            }
                            running.add(pair);
                            peak.accumulateAndGet(running.size(), Math::max);
                        }
                        Thread.sleep(5);
                        running.remove(p.get());
                        dispatch.release(p.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        assertEquals(25, dispatch.started());
        assertEquals(0, conflicts.get());
        assertTrue(peak.get() <= 3, "peak " + peak.get());
    }
}
