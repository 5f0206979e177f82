package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;

class ProcessRunnerTest {

    private final ProcessRunner runner = new ProcessRunner(Duration.ofMillis(500), Clock.systemUTC());

    @AfterEach
    void stop() {
        runner.close();
        runner.shutdownTimers();
    }

    private ProcessResult run(String script, Duration deadline, List<String> lines) throws Exception {
        return runner.run(List.of("bash", "-c", script), Map.of("NO_COLOR", "1"), Instant.now().plus(deadline), lines::add);
    }

    @Test
    void streamsMergedLinesAndPassesTheEnvironment() throws Exception {
        List<String> lines = new ArrayList<>();
        ProcessResult result = run("echo out; echo err >&2; echo color=$NO_COLOR; exit 2", Duration.ofSeconds(10), lines);
        assertEquals(2, result.exitValue());
        assertFalse(result.stoppedByUs());
        assertEquals(List.of("out", "err", "color=1"), lines);
    }

    @Test
    void theChildGetsTheGivenEnvironmentAndInheritsNothing() throws Exception {
        assertTrue(System.getenv().containsKey("PATH"), "the test's own process has variables the child could inherit");
        List<String> lines = new ArrayList<>();
        runner.run(List.of("env"), Map.of("NO_COLOR", "1", "HTTPS_PROXY", "http://127.0.0.1:3128"),
                Instant.now().plusSeconds(10), lines::add);
        assertEquals(java.util.Set.of("NO_COLOR=1", "HTTPS_PROXY=http://127.0.0.1:3128"), java.util.Set.copyOf(lines));
    }

    @Test
    void aProcessIgnoringSigtermAndItsChildrenAreKilledAfterTheGrace() throws Exception {
        Instant start = Instant.now();
        ProcessResult result = run("trap '' TERM; sleep 3611 & wait; sleep 3611", Duration.ofMillis(300), new ArrayList<>());
        Duration took = Duration.between(start, Instant.now());
        assertTrue(result.stoppedByUs());
        assertEquals(137, result.exitValue(), "SIGKILL");
        assertTrue(took.toMillis() < 3000, "deadline 300 ms + grace 500 ms, took " + took);
        // the killed children are reaped a moment later
        Await.until(Duration.ofSeconds(2), () -> ProcessHandle.allProcesses()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 3611")));
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 3611")));
    }

    @Test
    void aGoPanicsFirstLineIsKeptFromTheWholeOutputAlthoughItsTraceIsLongerThanTheTail() throws Exception {
        ProcessResult result = run("echo '2026/11/26 10:15:02 Attempt 1, amount: 19532'; echo 'panic: runtime error: invalid memory "
                + "address or nil pointer dereference'; echo '[signal SIGSEGV: segmentation violation]'; echo; echo 'goroutine 1 "
                + "[running]:'; for i in $(seq 1 40); do printf 'main.f%d()\\n\\t/src/main.go:%d +0x1\\n' $i $i; done; "
                + "echo 'panic: a second one'; exit 2", Duration.ofSeconds(10), new ArrayList<>());
        assertEquals(2, result.exitValue());
        assertTrue(result.crashed());
        assertEquals("panic: runtime error: invalid memory address or nil pointer dereference", result.crash(), "the first one");
        assertTrue(result.lastLines().stream().noneMatch(l -> l.contains("nil pointer")), "gone from the last 20 lines");
        assertFalse(result.stoppedByUs());
    }

    @Test
    void aRuntimeFatalErrorIsACrashButPanicInsideALineIsNot() throws Exception {
        assertEquals("fatal error: concurrent map writes", run("echo 'fatal error: concurrent map writes'; exit 2",
                Duration.ofSeconds(10), new ArrayList<>()).crash());
        assertFalse(run("echo '2026/11/26 10:15:02 Error: panic: no'; echo ' panic: indented'; exit 2", Duration.ofSeconds(10),
                new ArrayList<>()).crashed());
        String longLine = run("printf 'panic: %0500d\\n' 0; exit 2", Duration.ofSeconds(10), new ArrayList<>()).crash();
        assertEquals(ProcessRunner.MAX_CRASH_CHARS + 1, longLine.length(), "bounded, and marked cut");
    }

    @Test
    void aSilentExit1ThatEndsBeforeTheJvmNotedTheSameCtrlCIsAStoppedRun() throws Exception {
        // regolancer exits 1 on SIGINT without a word; here the JVM notes the Ctrl-C a moment after the process is gone
        java.util.concurrent.Executor late = java.util.concurrent.CompletableFuture.delayedExecutor(300,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        ProcessResult result = runner.run(List.of("bash", "-c", "echo $$; exit 1"), Map.of(), Instant.now().plusSeconds(10),
                line -> ProcessHandle.of(Long.parseLong(line.strip())).map(ProcessHandle::onExit)
                        .orElse(java.util.concurrent.CompletableFuture.completedFuture(null)).thenRunAsync(runner::noteSigint, late));
        assertEquals(1, result.exitValue());
        assertTrue(result.stoppedByUs(), "a Ctrl-C's run, not a failed one");

        Path marker = Files.createTempFile("never", ".txt");
        Files.delete(marker);
        assertTrue(run("touch " + marker, Duration.ofSeconds(5), new ArrayList<>()).stoppedByUs());
        assertFalse(Files.exists(marker), "after a Ctrl-C no run starts");
    }

    @Test
    void aSilentExit1WithoutAStopIsNotAStoppedRun() throws Exception {
        ProcessResult result = run("echo 'Attempt 1, amount: 19532'; exit 1", Duration.ofSeconds(10), new ArrayList<>());
        assertEquals(1, result.exitValue());
        assertFalse(result.stoppedByUs(), "no Ctrl-C came within the moment it waited");
    }

    @Test
    void regolancersOwnLastWordsForARouteFailureNeedNoWaitForAStop() {
        assertTrue(ProcessRunner.endsInItsOwnWords(List.of("Attempt 1", "2026/11/26 10:15:02 Error during picking channel: no routes", "")));
        assertTrue(ProcessRunner.endsInItsOwnWords(List.of("2026/11/26 10:15:02 Timed out looking for a route")));
        assertTrue(ProcessRunner.endsInItsOwnWords(List.of("Error choosing channels: no channelpairs available for rebalance")));
        assertFalse(ProcessRunner.endsInItsOwnWords(List.of("fee on the route exceeds our limits: 25 ppm", "Attempt 2, amount: 19532")),
                "a route failure mid-run: regolancer goes on to the next route; a Ctrl-C may have ended it");
        assertFalse(ProcessRunner.endsInItsOwnWords(List.of("rpc error: code = Unavailable")));
        assertFalse(ProcessRunner.endsInItsOwnWords(List.of()));
    }

    @Test
    void afterCloseNothingStartsAndTheRunCountsAsStopped() throws Exception {
        runner.close();
        Path marker = Files.createTempFile("never", ".txt");
        Files.delete(marker);
        ProcessResult result = run("touch " + marker, Duration.ofSeconds(5), new ArrayList<>());
        assertTrue(result.stoppedByUs());
        assertFalse(Files.exists(marker), "the command never ran");
    }

    @Test
    void megabytesOfOutputKeepOnlyABoundedTail() throws Exception {
        ProcessResult result = run("head -c 5000000 /dev/zero | tr '\\\\0' 'x'; echo; for i in $(seq 1 100); do echo line $i; done",
                Duration.ofSeconds(20), new ArrayList<>() {
                    @Override
                    public boolean add(String s) {
                        return true;
                    }
                });
        assertEquals(ProcessRunner.KEEP_LINES, result.lastLines().size());
        assertEquals("line 100", result.lastLines().get(ProcessRunner.KEEP_LINES - 1));
    }

    @Test
    void aVeryLongLineIsCut() throws Exception {
        List<String> lines = new ArrayList<>();
        run("head -c 100000 /dev/zero | tr '\\\\0' 'y'", Duration.ofSeconds(10), lines);
        assertEquals(ProcessRunner.MAX_LINE_BYTES, lines.get(0).length());
    }

    /**
     * Process.destroy() also closes the process's output stream, under the thread reading it ("Stream closed"): a run
     * stopped while it talks must still end as a result (stopped by us), never as an exception that loses its
     * payments. Twenty tries, as the race is timing-dependent.
     */
    @RepeatedTest(20)
    void aRunStoppedWhileItPrintsEndsAsAStoppedResultNotAnError() throws Exception {
        ProcessRunner stopping = new ProcessRunner(Duration.ofMillis(500), Clock.systemUTC());
        java.util.concurrent.atomic.AtomicLong printed = new java.util.concurrent.atomic.AtomicLong();
        try {
            java.util.concurrent.CompletableFuture<ProcessResult> result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return stopping.run(List.of("bash", "-c", "while :; do echo payment line; done"), Map.of(),
                            Instant.now().plusSeconds(30), line -> printed.incrementAndGet());
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            // stopped while it prints: its lines are being read
            assertTrue(Await.until(Duration.ofSeconds(10), () -> stopping.runningCount() > 0 && printed.get() > 100));
            stopping.close();
            ProcessResult ended = result.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(ended.stoppedByUs());
            assertEquals(143, ended.exitValue(), "SIGTERM");
            assertEquals("payment line", ended.lastLines().get(0));
        } finally {
            stopping.shutdownTimers();
        }
    }
}
