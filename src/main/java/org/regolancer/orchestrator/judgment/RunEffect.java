package org.regolancer.orchestrator.judgment;

import java.util.List;
import java.util.Locale;
import org.regolancer.orchestrator.regolancer.RunOutcome;

/**
 * What a finished run means for its pair's wait. regolancer's exit 1 means "nothing possible now, do not retry soon"
 * only when its output names a route failure; an exit 1 for another reason (LND unreachable, a bad macaroon, a
 * template it refuses) says nothing about the pair, so it must not send every pair into a long wait. An exit 2
 * without a payment is either regolancer's whole {@code timeout_rebalance} gone by without one, or a crash (a Go
 * panic exits 2 too): both make the pair wait, so it does not hold a worker for its whole timeout every cycle.
 */
public enum RunEffect {
    /** a payment: the pair's wait and streak are reset */
    PAID,
    /** exit 1 naming a route failure: the pair waits */
    ROUTE_FAILURE,
    /** a crash (a Go panic or fatal error, or an exit other than 0, 1, 2 that we did not cause): the pair waits */
    CRASH,
    /** exit 2 without a payment: timeout_rebalance went by without one; the pair waits as after a route failure */
    TIMEOUT,
    /** exit 1 naming no route failure: no wait, one errors.log line for the whole outage */
    UNEXPLAINED_FAILURE,
    /** stopped by us (or by a Ctrl-C), exit 0 without a stat row, not started: neither counts nor resets */
    NEUTRAL;

    /** regolancer's lines for "no route can do it now" (regolancer.md: Output, Failures). */
    static final List<String> ROUTE_FAILURES = List.of("no routes", "fee on the route exceeds our limits",
            "no channelpairs available", "timed out looking for a route");

    public static RunEffect of(RunOutcome outcome, int exitValue, List<String> lastLines) {
        return switch (outcome) {
            case SUCCESS -> PAID;
            case NOTHING_POSSIBLE -> namesRouteFailure(lastLines) ? ROUTE_FAILURE : UNEXPLAINED_FAILURE;
            // exit 0 without a stat row is not a crash: something kept regolancer from writing it, not the route
            case FAILED -> exitValue == 0 ? NEUTRAL : CRASH;
            case TIMED_OUT -> TIMEOUT;
            case STOPPED, DRY_RUN -> NEUTRAL;
        };
    }

    public boolean makesWait() {
        return this == ROUTE_FAILURE || this == CRASH || this == TIMEOUT;
    }

    static boolean namesRouteFailure(List<String> lines) {
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String failure : ROUTE_FAILURES) {
                if (lower.contains(failure)) {
                    return true;
                }
            }
        }
        return false;
    }
}
