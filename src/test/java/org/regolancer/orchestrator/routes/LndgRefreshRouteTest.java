package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A balanced node (nothing to run) with SLEEP_SECONDS=0: the channels are fetched at most every
 * LNDG_REFRESH_SECONDS (LNDg's own refresh), the cycle waiting without a spinning thread.
 */
class LndgRefreshRouteTest extends DaemonRouteTestSupport {

    private static final long REFRESH_SECONDS = 2;
    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", Long.toString(REFRESH_SECONDS));
    }

    @Test
    void idleCyclesFetchAtMostEveryRefreshInterval() throws Exception {
        // one fetch every 2 s: three within 7 s, then a fourth for three gaps to measure (the gaps bound the rate)
        assertTrue(await(Duration.ofSeconds(7), () -> lndg.requests().size() >= 3), "about one fetch every 2 s in 7 s: "
                + lndg.requests().size());
        assertTrue(await(Duration.ofSeconds(4), () -> lndg.requests().size() >= 4), "a fourth fetch: " + lndg.requests().size());
        List<FakeLndg.Request> fetches = lndg.requests();
        assertTrue(fetches.size() >= 3 && fetches.size() <= 5, "about one fetch every 2 s in 7 s: " + fetches.size());
        for (int i = 1; i < fetches.size(); i++) {
            long gapMillis = (fetches.get(i).epochNanos() - fetches.get(i - 1).epochNanos()) / 1_000_000;
            // counted from the fetch's start: the first one's login came before its request reached LNDg
            long slack = i == 1 ? 300 : 50;
            assertTrue(gapMillis >= REFRESH_SECONDS * 1000 - slack, "fetch " + i + " came " + gapMillis + " ms after the last");
        }
        // while waiting, the cycle's thread sleeps: a handful of cycles, not one per millisecond (the last fetch's
        // cycle counted as it ends)
        assertTrue(await(Duration.ofSeconds(1), () -> stats().getCycles() >= fetches.size()), "the fetches' cycles ended");
        assertEquals(fetches.size(), stats().getCycles(), "each cycle fetched");
    }

}
