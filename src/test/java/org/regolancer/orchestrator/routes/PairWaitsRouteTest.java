package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.regolancer.RunFiles;

/**
 * Two sources, two targets; one pair always pays, the others find no route. The paying pair runs every cycle (first,
 * as a payer); a pair that failed rests for RETRY_WAIT_MINUTES (30 real minutes here: longer than the test) instead
 * of being run again every cycle; the waits are kept in the RAM folder and are still there after the daemon stops.
 */
class PairWaitsRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), chanId(1) + " " + chanId(11) + " success 0.1", "* * fail 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void aFailingPairRestsWhileThePayingPairRunsEveryCycleAndTheWaitsOutliveTheStop() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getCycles() >= 8), "eight cycles");
        long cycles = stats().getCycles();
        List<StandinRegolancer.Run> paying = regolancer.runsOf(chanId(1), chanId(11));
        assertTrue(paying.size() >= cycles - 1, paying.size() + " runs of the paying pair in " + cycles + " cycles");
        List<String> failing = List.of(chanId(1) + ">" + chanId(12), chanId(2) + ">" + chanId(12), chanId(2) + ">" + chanId(11));
        int failedOnce = 0;
        for (String pair : failing) {
            String[] ids = pair.split(">");
            int runs = regolancer.runsOf(ids[0], ids[1]).size();
            assertTrue(runs <= 1, pair + " ran " + runs + " times: it should rest after its first failure");
            failedOnce += runs;
        }
        assertTrue(failedOnce >= 2, "1→12 and 2→12 ran once each (2→11 may always find T1 just paid)");
        assertEquals(failedOnce, stats().getPairsWaiting());
        assertTrue(stats().getPairsSkippedWait() >= (cycles - 2) * 2, stats().getPairsSkippedWait() + " waits skipped");
        assertTrue(regolancer.runsOf(chanId(2), chanId(11)).size() == 1 || stats().getPairsSkippedTargetPaid() >= 1,
                "2→11 either ran once (before 1→11 paid in the first cycle) or was dropped when 1→11 paid");

        Path waits = ramFolder().resolve(RunFiles.WAITS);
        List<String> lines = Files.readAllLines(waits);
        assertEquals(PairWaits.HEADER, lines.get(0));
        assertEquals(failedOnce, lines.size() - 1, lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(chanId(1) + "," + chanId(12) + ",1,")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(chanId(1) + "," + chanId(11) + ",")), "the payer does not wait");

        context.stop();
        assertEquals(lines, Files.readAllLines(waits), "kept for the next start");
        assertEquals(List.of(), errorLines(), "route failures are no errors");
    }
}
