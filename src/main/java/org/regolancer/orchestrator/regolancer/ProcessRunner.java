package org.regolancer.orchestrator.regolancer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs regolancer with an argument array (never a shell), merges its stdout and stderr into lines as they come,
 * keeps only the last few (bounded in count and length, so megabytes of output cost nothing) and the first line of a
 * Go crash (a goroutine trace is longer than the lines kept), and enforces a deadline: SIGTERM to the process and
 * everything it started, then SIGKILL after a grace period. A run that ends while the daemon stops, or after a Ctrl-C,
 * is a stopped run whatever its exit value.
 */
public final class ProcessRunner implements AutoCloseable {

    static final int KEEP_LINES = 20;
    static final int MAX_LINE_BYTES = 2000;
    static final int MAX_CRASH_CHARS = 300;
    /**
     * How long an exit 1 that regolancer's own last words do not explain waits for a stop to be noted. Ctrl-C signals
     * the whole foreground process group: regolancer's handler exits 1 without a word (saving its node cache), and may
     * do so before this JVM has run its own handler for the same signal.
     */
    static final Duration STOP_NOTE_WAIT = Duration.ofSeconds(1);
    /** The last lines with which regolancer ends an exit 1 of its own for a route failure (no stop to wait for). */
    private static final List<String> OWN_LAST_WORDS = List.of("error during picking channel", "timed out looking for a route",
            "no channelpairs available");

    private final Duration grace;
    private final Clock clock;
    private final ScheduledExecutorService killer;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean interrupted;
    private final java.util.concurrent.CountDownLatch stopNoted = new java.util.concurrent.CountDownLatch(1);

    private static final class Running {
        final Process process;
        volatile boolean stopped;

        Running(Process process) {
            this.process = process;
        }
    }

    public ProcessRunner(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
        java.util.concurrent.ScheduledThreadPoolExecutor timers = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "regolancer-deadline");
            t.setDaemon(true);
            return t;
        });
        // gone while nothing runs; a cancelled deadline leaves no task behind
        timers.setKeepAliveTime(30, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
        timers.setRemoveOnCancelPolicy(true);
        this.killer = timers;
    }

    /** @param environment the child's whole environment (nothing is inherited: see ops.ChildEnvironment) */
    public ProcessResult run(List<String> command, Map<String, String> environment, Instant deadline,
            Consumer<String> lineSink) throws IOException, InterruptedException {
        if (closed || interrupted) {
            // the daemon is stopping: the run counts as stopped, not as failed
            return new ProcessResult(128 + 15, List.of(), true);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Running run = new Running(builder.start());
        running.add(run);
        ScheduledFuture<?> timer = null;
        try {
            run.process.getOutputStream().close();
            long millis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            timer = killer.schedule(() -> stop(run), millis, TimeUnit.MILLISECONDS);
            Output output = readLines(run.process.getInputStream(), lineSink);
            int exit = run.process.waitFor();
            // a run ended by a SIGTERM while we stop (systemd may signal the whole group) counts as stopped by us
            boolean stopped = run.stopped || closed || interrupted;
            if (!stopped && exit == 1 && !endsInItsOwnWords(output.tail())) {
                // perhaps regolancer's silent exit on a Ctrl-C this JVM has not noted yet
                stopped = stopNoted.await(STOP_NOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new ProcessResult(exit, output.tail(), stopped, output.crash());
        } catch (InterruptedException e) {
            stop(run);
            throw e;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            running.remove(run);
        }
    }

    /** The number of processes running now. */
    public int runningCount() {
        return running.size();
    }

    /** Refuses new processes and stops the running ones (SIGTERM, then SIGKILL after the grace period). */
    @Override
    public void close() {
        closed = true;
        stopNoted.countDown();
        running.forEach(this::stop);
    }

    /**
     * The daemon got a Ctrl-C (SIGINT), which reached its regolancer processes too: each ends on its own (exit 1), and
     * its run counts as stopped; no new one starts. The stop itself follows ({@link #close()}).
     */
    public void noteSigint() {
        interrupted = true;
        stopNoted.countDown();
    }

    static boolean endsInItsOwnWords(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            String line = tail.get(i).toLowerCase(java.util.Locale.ROOT);
            if (!line.isBlank()) {
                return OWN_LAST_WORDS.stream().anyMatch(line::contains);
            }
        }
        return false;
    }

    /** Waits until no process started by this runner is left, at most the given time. */
    public boolean awaitNoneRunning(Duration max) throws InterruptedException {
        Instant end = clock.instant().plus(max);
        while (!running.isEmpty() && clock.instant().isBefore(end)) {
            Thread.sleep(20);
        }
        return running.isEmpty();
    }

    private void stop(Running run) {
        if (run.stopped || !run.process.isAlive()) {
            return;
        }
        run.stopped = true;
        // signals through the ProcessHandle: Process.destroy() would also close the output stream under the thread
        // reading it ("Stream closed"), turning a stopped run, payments and all, into a failed one; this way the
        // reader simply reaches the end of the output. Snapshot the children first: once the parent is gone they
        // are no longer its descendants.
        ProcessHandle handle = run.process.toHandle();
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        handle.destroy();
        tree.forEach(ProcessHandle::destroy);
        killer.schedule(() -> {
            tree.addAll(handle.descendants().toList());
            tree.forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last lines of a process's output, and the first line of a Go crash in it ("" when none). */
    record Output(List<String> tail, String crash) {
    }

    /**
     * Reads lines until the stream ends; each line is cut at MAX_LINE_BYTES, only the last KEEP_LINES are kept, and
     * the first line starting with Go's {@code panic: } or {@code fatal error: } (cut at MAX_CRASH_CHARS).
     */
    static Output readLines(InputStream in, Consumer<String> lineSink) throws IOException {
        Deque<String> tail = new ArrayDeque<>();
        String[] crash = {""};
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    emit(line, tail, lineSink, crash);
                } else if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                }
            }
        }
        if (line.size() > 0) {
            emit(line, tail, lineSink, crash);
        }
        return new Output(List.copyOf(tail), crash[0]);
    }

    private static void emit(ByteArrayOutputStream line, Deque<String> tail, Consumer<String> lineSink, String[] crash) {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (crash[0].isEmpty() && (text.startsWith("panic: ") || text.startsWith("fatal error: "))) {
            String flat = text.replaceAll("\\p{Cntrl}", " ");
            crash[0] = flat.length() > MAX_CRASH_CHARS ? flat.substring(0, MAX_CRASH_CHARS) + "…" : flat;
        }
        lineSink.accept(text);
        tail.addLast(text);
        if (tail.size() > KEEP_LINES) {
            tail.removeFirst();
        }
    }

    /** Stops the deadline thread; call after {@link #close()} once nothing runs any more. */
    public void shutdownTimers() {
        killer.shutdownNow();
    }
}
