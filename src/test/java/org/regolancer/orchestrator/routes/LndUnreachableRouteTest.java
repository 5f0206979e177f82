package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * LND is down (restarting): every run exits 1 without naming a route failure. No pair is sent into a wait, so
 * rebalancing goes on as soon as LND is back; errors.log says it once, with regolancer's last line.
 */
class LndUnreachableRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * lnd-down");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void exit1WithoutARouteFailureMakesNothingWaitAndIsOneErrorLine() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getCycles() >= 4), "four cycles");
        for (int s : new int[] {1, 2}) {
            for (int t : new int[] {11, 12}) {
                assertTrue(regolancer.runsOf(chanId(s), chanId(t)).size() >= 3, s + "→" + t + " ran every cycle");
            }
        }
        assertEquals(0, stats().getPairsWaiting());
        assertEquals(0, stats().getPairsSkippedWait());
        assertTrue(Files.notExists(ramFolder().resolve("pair-waits.csv")), "no wait, nothing to keep");

        List<String> errors = errorLines();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("[regolancer]") && errors.get(0).contains("exited with 1 without a route failure")
                && errors.get(0).contains("connect: connection refused"), errors.get(0));

        // LND is back: the very next cycle pays
        Files.writeString(regolancer.binary().resolveSibling("standin-behaviour"), "* * success 0.1\n");
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getSuccesses() >= 2), "pays at once, no pair waited");
    }
}
