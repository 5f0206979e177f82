package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.PairKey;
import org.regolancer.orchestrator.regolancer.RunFiles;

/**
 * A restart keeps the waits: an earlier daemon (on the same DATA_DIR) left a pair resting for another hour in the RAM
 * folder. The new daemon does not run it, runs the other pair every cycle, and counts the rest as waiting.
 */
class PairWaitsRestartRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
        PairWaits earlier = new PairWaits(Duration.ofMinutes(30), Duration.ofMinutes(360));
        PairKey resting = new PairKey(new ChannelId(chanId(1)), new ChannelId(chanId(11)));
        Instant lastRun = Instant.now().minus(Duration.ofMinutes(30));
        earlier.failed(resting, lastRun);
        earlier.failed(resting, lastRun);
        // as the daemon before left them: its RAM folder's name kept in DATA_DIR
        RunFiles before = new RunFiles(RunFiles.defaultBase(), java.nio.file.Files.createDirectories(dataDir));
        before.settle();
        before.write(RunFiles.WAITS, earlier.toCsv());
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void aPairThatRestedBeforeTheRestartStillRests() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getCycles() >= 4), "four cycles");
        assertEquals(List.of(), regolancer.runsOf(chanId(1), chanId(11)), "its second failure's hour is not over");
        assertTrue(regolancer.runsOf(chanId(1), chanId(12)).size() >= 3, "the other pair runs every cycle");
        assertEquals(1, stats().getPairsWaiting());
        assertTrue(stats().getPairsSkippedWait() >= 4);
    }
}
