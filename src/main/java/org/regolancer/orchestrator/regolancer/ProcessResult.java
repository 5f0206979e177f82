package org.regolancer.orchestrator.regolancer;

import java.util.List;

/**
 * How a process ended: its exit value (128 + signal when killed), the last lines it printed, and whether we
 * stopped it (the cycle's deadline, or the daemon stopping).
 */
public record ProcessResult(int exitValue, List<String> lastLines, boolean stoppedByUs) {
}
