package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** Stopping the daemon mid-run: no new runs, the running ones (even ignoring SIGTERM) gone, payments kept, < 10 s. */
class ShutdownRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"),
                chanId(1) + " * success-then-hang 3609",
                "* * ignore-term 3609");
    }

    @Test
    void stopsWithinTenSecondsLeavingNoRegolancerAndKeepingThePayment() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> regolancer.runs().size() == 2), "both runs going");
        // one paid, and both past their SIGTERM traps, napping
        assertTrue(await(Duration.ofSeconds(5), () -> regolancer.payments() == 1 && regolancer.runs().stream().allMatch(run ->
                ProcessHandle.of(run.pid()).stream().flatMap(ProcessHandle::children)
                        .anyMatch(c -> c.info().commandLine().orElse("").contains("sleep 3609")))), "both runs hang");
        Instant start = Instant.now();
        context.stop();
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "stopped in " + took);

        for (StandinRegolancer.Run run : regolancer.runs()) {
            assertFalse(ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false), run + " still running");
        }
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 3609")));
        assertEquals(2, regolancer.runs().size(), "no run started after the stop");
        assertEquals(2, ledgerLines().size(), "the payment of the stopped run is in the ledger");
        assertTrue(errorLines().stream().noneMatch(l -> l.contains("MAX_CYCLE_SECONDS")), "a stop is not a timeout");
        assertEquals(List.of(), errorLines(), "nothing went wrong, the message of the payment made while stopping neither");
        assertEquals(1, telegram.delivered().size(), "the payment made while stopping is announced");
    }

}
