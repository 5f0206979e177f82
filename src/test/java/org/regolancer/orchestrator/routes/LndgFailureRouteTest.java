package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.row;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeLndg.Answer;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** LNDg failing in every way skips cycles, never the daemon; repeats are one line; the next healthy cycle pays. */
class LndgFailureRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg.read-timeout-ms", "1000");
        properties.putAll(QUICK_LNDG_RETRIES);
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        List<Map<String, Object>> channels = new ArrayList<>(List.of(source(1, "S1"), target(11, "T1")));
        Map<String, Object> broken = row("123", "NoCapacity", "02" + "ab".repeat(32), 1, 0, 0, false, 90, 75);
        broken.put("capacity", null);
        channels.add(broken);
        lndg.withChannels(channels).thenAnswer(
                new Answer(200, "application/json", "{\"count\":0,\"next\":null,\"results\":[]}", 2500),
                new Answer(500, "text/html", "<html><body>Server Error (500)</body></html>", 0),
                new Answer(500, "text/html", "<html><body>Server Error (500)</body></html>", 0),
                new Answer(500, "text/html", "<html><body>Server Error (500)</body></html>", 0),
                Answer.json(200, "{\"count\":2,\"next\":null,\"results\":[{\"chan_id\":\"1"),
                Answer.json(200, "{\"count\":0,\"next\":null}"),
                // LNDg refusing the session (expired, LNDg restarted with a new secret): a new login, the request repeated
                Answer.json(401, "{\"detail\":\"Authentication credentials were not provided.\"}"));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void skipsFailedCyclesWithOneLinePerDistinctFailureAndRebalancesOnceLndgIsBack() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getSuccesses() > 0), "a healthy cycle paid");
        // was 7 with a 401 line: a refused session is now a new login and the same request again, not a failed cycle
        assertEquals(6, stats().getFetchFailures());
        assertEquals(2, lndg.login().logins(), "the first login, and one after LNDg refused the session");

        List<String> lndgErrors = errorLines().stream().filter(l -> l.contains("[lndg]")).toList();
        assertEquals(5, lndgErrors.size(), String.join("\n", lndgErrors));
        // with check's hint for LNDg that cannot be reached (LndgAnswer.UNREACHABLE_HINT)
        assertTrue(lndgErrors.get(0).endsWith("could not be reached (" + lndg.baseUrl() + "): Read timed out: is LNDg running, "
                + "and LNDG_BASE_URL its address (e.g. http://127.0.0.1:8889)?"), lndgErrors.get(0));
        assertTrue(lndgErrors.get(1).endsWith("LNDg /api/channels/ answered HTTP 500 (Server Error (500)): LNDg itself failed; "
                + "its log says why"), lndgErrors.get(1));
        assertTrue(lndgErrors.get(2).contains("invalid JSON"), lndgErrors.get(2));
        assertTrue(lndgErrors.get(3).contains("no 'results'"), lndgErrors.get(3));
        assertTrue(lndgErrors.get(4).contains("recovered after 2 more repeats of") && lndgErrors.get(4).contains("HTTP 500"),
                "the three 500s in a row were one line, and the recovery says how many: " + lndgErrors.get(4));
        assertTrue(errorLines().stream().noneMatch(l -> l.contains("401") || l.contains("[lndg-login]")), errorLines().toString());
        for (String line : lndgErrors) {
            assertFalse(line.matches(".*[A-Za-z]+(Exception|Error)\\b.*"), "no class name: " + line);
        }

        List<String> rowErrors = errorLines().stream().filter(l -> l.contains("[lndg-rows]")).toList();
        assertEquals(1, rowErrors.size(), "the bad row is reported once, not every cycle");
        assertTrue(rowErrors.get(0).contains("chan_id 123") && rowErrors.get(0).contains("capacity"), rowErrors.get(0));

        for (String line : errorLines()) {
            assertFalse(line.contains(FakeLndg.PASSWORD), line);
        }
        assertTrue(ledgerLines().size() >= 2);
        assertEquals(List.of(), StandinRegolancer.channelOverlaps(regolancer.runs()));
    }
}
