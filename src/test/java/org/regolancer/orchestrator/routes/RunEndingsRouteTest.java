package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.regolancer.RunOutcome;

/**
 * regolancer's exit 2 is not only its time-out: a Go panic (its goroutine trace far longer than the lines the runner
 * keeps) and the runtime's fatal error exit 2 too. A crashing pair rests like a failed one, with one errors.log line
 * naming the crash; a crash after a payment still counts the payment and still gets its line. A run whose whole
 * timeout_rebalance went by without a payment rests too (it would hold a worker for its whole timeout every cycle).
 */
class RunEndingsRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), target(12, "T2"), target(13, "T3")));
        regolancer = new StandinRegolancer(work.resolve("bin"),
                chanId(1) + " " + chanId(11) + " panic 0.2",
                chanId(2) + " " + chanId(12) + " success-then-crash 0.2",
                chanId(1) + " " + chanId(13) + " timeout 0.2",
                "* * fail 0.2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "0", "SEND_REBALANCE_MSG", "false", "RANDOMIZE_PAIRS", "false");
    }

    @Test
    void crashesAndTimeoutsWithoutAPaymentRestTheirPairAndACrashAfterAPaymentIsCountedAndNamed() throws Exception {
        assertTrue(await(Duration.ofSeconds(60), () -> regolancer.payments() >= 4
                && regolancer.runsOf(chanId(1), chanId(11)).stream().allMatch(StandinRegolancer.Run::ended)),
                "S2 → T2 pays (then crashes) in cycle after cycle: " + regolancer.runs());

        assertEquals(1, regolancer.runsOf(chanId(1), chanId(11)).size(), "the panicking pair rests after its run");
        assertEquals(1, regolancer.runsOf(chanId(1), chanId(13)).size(), "the pair that timed out without paying rests");
        assertTrue(stats().getPairsWaiting() >= 2, "both wait: " + stats().getPairsWaiting());
        assertEquals(1, stats().getRuns(RunOutcome.TIMED_OUT));
        assertTrue(stats().getRuns(RunOutcome.FAILED) >= 1);

        long paid = regolancer.payments();
        assertTrue(await(Duration.ofSeconds(10), () -> ledgerLines().size() - 1 >= paid), "every payment before a crash recorded");
        assertTrue(ledgerLines().stream().allMatch(l -> l.startsWith("time_utc") || l.contains(chanId(2) + ",S2," + chanId(12))));

        List<String> errors = errorLines();
        assertEquals(2, errors.size(), "one line per crash, the repeats held back: " + errors);
        assertTrue(errors.stream().anyMatch(l -> l.contains("S1 → T1: regolancer crashed (exit 2): panic: runtime error: invalid "
                + "memory address or nil pointer dereference")), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("S2 → T2: regolancer crashed (exit 2, after 1 payment, recorded): "
                + "fatal error: concurrent map writes")), errors.toString());
    }
}
