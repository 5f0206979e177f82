package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A cycle that ran regolancer is followed after SLEEP_SECONDS, as before: the balances may have moved, and a busy
 * node's next pairs are not held back by LNDg's refresh interval.
 */
class LndgRefreshBusyRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "1", "LNDG_REFRESH_SECONDS", "30", "RETRY_WAIT_MINUTES", "0");
    }

    @Test
    void aCycleThatRanSomethingIsFollowedAfterSleepSeconds() throws Exception {
        assertTrue(await(Duration.ofSeconds(15), () -> lndg.requests().size() >= 4), "4 fetches: " + lndg.requests().size());
        List<FakeLndg.Request> fetches = lndg.requests();
        for (int i = 1; i < 4; i++) {
            long gapMillis = (fetches.get(i).epochNanos() - fetches.get(i - 1).epochNanos()) / 1_000_000;
            assertTrue(gapMillis < 5_000, "a run, then SLEEP_SECONDS=1, not 30 s: " + gapMillis + " ms");
        }
        assertTrue(regolancer.runs().size() >= 3);
    }
}
