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
import org.regolancer.orchestrator.cycle.RunOutcome;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** DRY_RUN does everything but run regolancer, and RUN_FOREVER=false ends after one cycle with exit 0. */
class DryRunRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), target(12, "T2")));
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
        assertEquals(List.of(), regolancer.runs());
        assertTrue(ledgerLines().isEmpty());
        assertTrue(Files.notExists(dataDir.resolve("rebalances.csv")), "no disk writes without a success");
        assertEquals(1, lndg.requests().size(), "one cycle only");
    }
}
