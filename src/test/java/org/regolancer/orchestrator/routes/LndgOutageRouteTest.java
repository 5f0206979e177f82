package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.lndg.LndgAnswer;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeLndg.Answer;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * LNDg not even listening when the daemon starts (connection refused), with no sleep between cycles: LNDg is asked
 * with a growing pause, not in a hot loop, and errors.log gets one line. When it comes up, its first answer's
 * {@code next} link points back to itself: refused, one line. Then the first healthy cycle pays.
 */
class LndgOutageRouteTest extends DaemonRouteTestSupport {

    private int port;
    private FakeLndg late;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg.retry-pause-first-ms", "50");
        properties.put("lndg.retry-pause-max-ms", "400");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        port = Listening.freePort();
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("LNDG_BASE_URL", "http://127.0.0.1:" + port, "SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @AfterEach
    void closeTheLateLndg() {
        if (late != null) {
            late.close();
        }
    }

    @Test
    void aRefusedConnectionIsRetriedWithAGrowingPauseThenALoopingNextIsRefusedThenItPays() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getFetchFailures() >= 3), "cycles fail on a closed port");
        // four more failures: still trying (within 4 s: at least one a second), and their three pauses took at least
        // 3 × 250 ms (at most eight in 2 s), not a hot loop; at most once per 400 ms once the pause has grown
        long before = stats().getFetchFailures();
        Instant from = Instant.now();
        assertTrue(await(Duration.ofSeconds(4), () -> stats().getFetchFailures() >= before + 4), "still trying: "
                + (stats().getFetchFailures() - before));
        long took = Duration.between(from, Instant.now()).toMillis();
        assertTrue(took >= 750, "not a hot loop: 4 failures in " + took + " ms");
        assertTrue(lifecycleRunning(), "the daemon goes on");

        late = new FakeLndg(port).withChannels(List.of(source(1, "S1"), target(11, "T1")));
        String self = "http://127.0.0.1:" + port + "/api/channels/?is_active=true&is_open=true&limit=1&offset=1";
        late.thenAnswer(Answer.json(200, page(self, 0)), Answer.json(200, page(self, 1)));
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getSuccesses() >= 1), "the first healthy cycle pays");

        List<String> lndg = errorLines().stream().filter(l -> l.contains("[lndg]")).toList();
        assertEquals(3, lndg.size(), String.join("\n", lndg));
        assertTrue(lndg.get(0).contains("Connection refused"), lndg.get(0));
        assertTrue(lndg.get(0).endsWith("Connection refused: " + LndgAnswer.UNREACHABLE_HINT), "check's hint: " + lndg.get(0));
        assertTrue(lndg.get(1).contains("points back to a page already read"), lndg.get(1));
        assertTrue(lndg.get(2).contains("recovered after") && lndg.get(2).contains("Connection refused"),
                "the refused tries were one line, and the recovery counts them: " + lndg.get(2));
        List<FakeLndg.Request> requests = late.requests();
        assertTrue(requests.get(1).query().contains("offset=1"), "page two was asked for: " + requests.get(1));
        assertFalse(requests.get(2).query().contains("offset=1"), "the loop was not followed again; the next cycle "
                + "started from page one: " + requests.get(2));
        for (String line : errorLines()) {
            assertFalse(line.contains(FakeLndg.PASSWORD), line);
        }
        assertEquals(stats().getSuccesses() + 1, ledgerLines().size(), "every payment in the ledger under its header");
    }

    private boolean lifecycleRunning() {
        return context.getStatus().isStarted() && !lifecycle.isFinished();
    }

    private static String page(String next, int offset) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", 2);
        body.put("next", next);
        body.put("previous", null);
        body.put("results", List.of(offset == 0 ? source(1, "S1") : target(11, "T1")));
        return new ObjectMapper().writeValueAsString(body);
    }
}
