package org.regolancer.orchestrator.judgment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.regolancer.RunOutcome;

class RunEffectTest {

    private static final String PREFIX = "2026/11/26 10:15:02 ";

    private static RunEffect effect(int payments, int exit, boolean stopped, String... lines) {
        return RunEffect.of(RunOutcome.of(payments, exit, stopped), exit, List.of(lines));
    }

    private static RunEffect crashed(int payments, int exit) {
        return RunEffect.of(RunOutcome.of(payments, exit, false, true), exit, List.of("goroutine 1 [running]:"));
    }

    @Test
    void anExit1NamingARouteFailureMakesThePairWait() {
        for (String line : List.of("Error during picking channel: no routes",
                "fee on the route exceeds our limits: 1234 sat > 1000 sat",
                "Error choosing channels: no channelpairs available for rebalance",
                "Timed out looking for a route")) {
            RunEffect effect = effect(0, 1, false, PREFIX + "Attempt 1, amount: 19532 (max fee: 19 sat | 1000 ppm )",
                    PREFIX + line);
            assertEquals(RunEffect.ROUTE_FAILURE, effect, line);
            assertTrue(effect.makesWait());
        }
    }

    @Test
    void anExit1NamingNoRouteFailureMakesNothingWait() {
        RunEffect lndDown = effect(0, 1, false, PREFIX + "rpc error: code = Unavailable desc = connection error: "
                + "desc = \"transport: Error while dialing dial tcp 127.0.0.1:10009: connect: connection refused\"");
        assertEquals(RunEffect.UNEXPLAINED_FAILURE, lndDown);
        assertFalse(lndDown.makesWait());
        assertEquals(RunEffect.UNEXPLAINED_FAILURE, effect(0, 1, false, PREFIX + "open /home/lnd/admin.macaroon: permission denied"));
        assertEquals(RunEffect.UNEXPLAINED_FAILURE, effect(0, 1, false), "no output at all");
    }

    @Test
    void aCrashWaitsLikeARouteFailure() {
        assertEquals(RunEffect.CRASH, effect(0, 139, false, "panic: runtime error"));
        assertTrue(RunEffect.CRASH.makesWait());
    }

    @Test
    void aGoPanicOrFatalErrorExits2AndIsACrashNotATimeout() {
        assertEquals(RunOutcome.FAILED, RunOutcome.of(0, 2, false, true), "exit 2 with panic: or fatal error: in the output");
        assertEquals(RunEffect.CRASH, crashed(0, 2));
        assertEquals(RunEffect.PAID, crashed(1, 2), "a panic after a payment: the payment counts");
        assertEquals(RunOutcome.STOPPED, RunOutcome.of(0, 2, true, true), "stopped by us whatever it printed");
    }

    @Test
    void exit2WithoutAPaymentMeansTheWholeTimeoutWentByAndThePairWaits() {
        RunEffect timeout = effect(0, 2, false, PREFIX + "Attempt 3, amount: 19532", PREFIX + "Rebalancing timed out");
        assertEquals(RunEffect.TIMEOUT, timeout, "regolancer's own time-out without a stat row");
        assertTrue(timeout.makesWait(), "LNDg #62: it would hold a worker for its whole timeout every cycle");
        assertEquals(RunEffect.PAID, effect(2, 2, false, PREFIX + "Rebalancing timed out"), "after rapid rebalancing's payments");
    }

    @Test
    void stoppedRunsAndExit0WithoutAStatRowNeitherCountNorReset() {
        assertEquals(RunEffect.NEUTRAL, effect(0, 143, true, PREFIX + "no routes"), "stopped by us at the deadline");
        assertEquals(RunEffect.NEUTRAL, effect(0, 1, true), "regolancer's silent exit 1 on a Ctrl-C while we stop");
        assertEquals(RunEffect.NEUTRAL, effect(0, 143, false), "SIGTERM from outside (systemd stopping the unit)");
        assertEquals(RunEffect.NEUTRAL, effect(0, 0, false), "exit 0 without a stat row");
        assertFalse(RunEffect.NEUTRAL.makesWait());
    }

    @Test
    void aPaymentIsAPaymentWhateverTheExitAndTheOutputSay() {
        assertEquals(RunEffect.PAID, effect(1, 0, false));
        assertEquals(RunEffect.PAID, effect(1, 2, false, PREFIX + "Rebalancing timed out"));
        assertEquals(RunEffect.PAID, effect(2, 143, true, PREFIX + "no routes"));
    }
}
