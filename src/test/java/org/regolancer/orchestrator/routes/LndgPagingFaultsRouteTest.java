package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.row;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeLndg.Answer;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * LNDg's second page failing after a good first page: the cycle is skipped whole (half a channel list would pair
 * channels on wrong grounds). Rows whose chan_id is not digits (shell or path text), has none, or whose capacity is
 * negative are skipped and named once; nothing of theirs reaches a command line or a file name.
 */
class LndgPagingFaultsRouteTest extends DaemonRouteTestSupport {

    private final Set<String> good = Set.of(chanId(1), chanId(11), chanId(2), chanId(12));

    @Override
    protected void arrange() throws IOException {
        List<Map<String, Object>> channels = new ArrayList<>(List.of(source(1, "S1 $(reboot)"), target(11, "../../T1")));
        channels.add(row("1; touch /tmp/pwned", "Shell", "02" + "ab".repeat(32), 1_000_000, 900_000, 100_000, false, 90, 75));
        channels.add(row("../../../../etc/passwd", "Path", "02" + "cd".repeat(32), 1_000_000, 50_000, 950_000, true, 90, 75));
        Map<String, Object> noId = row("0", "NoId", "02" + "ef".repeat(32), 1_000_000, 900_000, 100_000, false, 90, 75);
        noId.remove("chan_id");
        channels.add(noId);
        channels.add(row("777", "Negative", "02" + "01".repeat(32), -5, 900_000, 100_000, false, 90, 75));
        channels.addAll(List.of(source(2, "S2"), target(12, "T2")));

        // the first cycle: page one is fine and links to page two, which fails
        Map<String, Object> pageOne = new LinkedHashMap<>();
        pageOne.put("count", channels.size());
        pageOne.put("next", lndg.baseUrl() + "/api/channels/?is_active=true&is_open=true&limit=2&offset=2");
        pageOne.put("previous", null);
        pageOne.put("results", channels.subList(0, 2));
        lndg.withChannels(channels).withPageSize(2).thenAnswer(
                Answer.json(200, new ObjectMapper().writeValueAsString(pageOne)),
                new Answer(500, "text/html", "<html><body>Server Error (500)</body></html>", 0));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SEND_REBALANCE_MSG", "false");
    }

    @Test
    void aFailedSecondPageSkipsTheCycleAndBadRowsNeverReachARun() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getSuccesses() >= 2), "healthy cycles paid");
        assertEquals(1, stats().getFetchFailures());

        List<FakeLndg.Request> requests = lndg.requests();
        assertTrue(requests.get(1).query().contains("offset=2"), "the second request was page two: " + requests.get(1));
        long secondCycleStarted = requests.get(2).epochNanos();
        for (StandinRegolancer.Run run : regolancer.runs()) {
            assertTrue(run.startNanos() > secondCycleStarted, "no run in the cycle whose page two failed: " + run);
            assertTrue(good.contains(run.from()) && good.contains(run.to()), "only well-formed channels run: " + run);
        }

        List<String> lndgErrors = errorLines().stream().filter(l -> l.contains("[lndg]")).toList();
        assertEquals(1, lndgErrors.size(), lndgErrors.toString());
        assertTrue(lndgErrors.get(0).contains("LNDg /api/channels/ answered HTTP 500"), lndgErrors.get(0));
        List<String> rowErrors = errorLines().stream().filter(l -> l.contains("[lndg-rows]")).toList();
        assertEquals(1, rowErrors.size(), "named once, not every cycle: " + rowErrors);
        assertTrue(rowErrors.get(0).contains("4 channel rows"), rowErrors.get(0));
        assertTrue(Files.notExists(java.nio.file.Path.of("/tmp/pwned")));
    }
}
