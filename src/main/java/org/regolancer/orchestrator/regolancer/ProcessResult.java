package org.regolancer.orchestrator.regolancer;

import java.util.List;

/**
 * How a process ended: its exit value (128 + signal when killed), the last lines it printed, whether we stopped it
 * (the cycle's deadline, the daemon stopping, a Ctrl-C), and the first line of a Go crash it printed ({@code panic: …}
 * or {@code fatal error: …} at a line's start; "" when none), kept from the whole output, not only the last lines.
 */
public record ProcessResult(int exitValue, List<String> lastLines, boolean stoppedByUs, String crash) {

    public ProcessResult {
        crash = crash == null ? "" : crash;
    }

    public ProcessResult(int exitValue, List<String> lastLines, boolean stoppedByUs) {
        this(exitValue, lastLines, stoppedByUs, "");
    }

    /** Whether the output held a Go panic or runtime fatal error. */
    public boolean crashed() {
        return !crash.isEmpty();
    }

    public ProcessResult withCrash(String line) {
        return new ProcessResult(exitValue, lastLines, stoppedByUs, line);
    }
}
