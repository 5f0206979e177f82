package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.regolancer.RunOutcome;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * DRY_RUN does everything but run regolancer, and RUN_FOREVER=false ends after one cycle with exit 0. It makes the same
 * fee and HTLC decisions as a real cycle: a target whose cap cannot beat its peer's fee and a channel with too many
 * pending HTLCs are skipped.
 */
class DryRunRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        Map<String, Object> busy = source(3, "Busy");
        busy.put("htlc_count", 4);
        Map<String, Object> pricy = target(13, "Pricy");
        pricy.put("remote_fee_rate", 65);
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), busy, target(11, "T1"), target(12, "T2"), pricy));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("DRY_RUN", "yes", "RUN_FOREVER", "Off");
    }

    @Test
    void plansAndWritesConfigsButNeverRunsRegolancer() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), lifecycle::isFinished));
        assertEquals(0, lifecycle.exitCode());
        assertEquals(4, stats().getRuns(RunOutcome.DRY_RUN), "2 sources × 2 targets");
        assertEquals(3, stats().getPairsSkippedHtlc(), "Busy (4 HTLCs) with each target");
        assertEquals(2, stats().getPairsSkippedFee(), "S1 and S2 into Pricy: cap 65 ppm is not above its peer's 65");
        assertEquals(List.of(), regolancer.runs());
        assertTrue(ledgerLines().isEmpty());
        assertTrue(Files.notExists(dataDir.resolve("rebalances.csv")), "no disk writes without a success");
        assertEquals(1, lndg.requests().size(), "one cycle only");
    }
}
