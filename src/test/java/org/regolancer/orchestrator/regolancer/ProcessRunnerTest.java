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
        Thread.sleep(200);
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 3611")));
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
        try {
            java.util.concurrent.CompletableFuture<ProcessResult> result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return stopping.run(List.of("bash", "-c", "while :; do echo payment line; done"), Map.of(),
                            Instant.now().plusSeconds(30), line -> { });
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            while (stopping.runningCount() == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
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
