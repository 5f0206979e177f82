package org.regolancer.orchestrator.regolancer;

/** How one regolancer run ended, decided from its stat rows first and its exit value second. */
public enum RunOutcome {
    /** at least one stat row: money moved (whatever the exit value) */
    SUCCESS,
    /** exit 1: no route, no pair possible, or a config regolancer refused */
    NOTHING_POSSIBLE,
    /** exit 2: regolancer's own timeout_rebalance went by without a payment */
    TIMED_OUT,
    /** we stopped it: the cycle's deadline, or the daemon stopping (a Ctrl-C included) */
    STOPPED,
    /** any other exit: a crash (a Go panic or fatal error exits 2 too), a signal, a binary that is not regolancer */
    FAILED,
    /** DRY_RUN: config written, regolancer not run */
    DRY_RUN;

    public static final int SIGTERM_EXIT = 128 + 15;
    public static final int SIGINT_EXIT = 128 + 2;

    public static RunOutcome of(int statRows, int exitValue, boolean stoppedByUs) {
        return of(statRows, exitValue, stoppedByUs, false);
    }

    /** @param crashed the output held a Go panic or fatal error (which exit 2, like regolancer's own timeout) */
    public static RunOutcome of(int statRows, int exitValue, boolean stoppedByUs, boolean crashed) {
        if (statRows > 0) {
            return SUCCESS;
        }
        if (stoppedByUs || exitValue == SIGTERM_EXIT || exitValue == SIGINT_EXIT) {
            // SIGTERM/SIGINT from outside, e.g. systemd stopping the whole unit: a stop, not a crash
            return STOPPED;
        }
        if (crashed && exitValue != 0) {
            return FAILED;
        }
        return switch (exitValue) {
            case 1 -> NOTHING_POSSIBLE;
            case 2 -> TIMED_OUT;
            default -> FAILED;
        };
    }
}
