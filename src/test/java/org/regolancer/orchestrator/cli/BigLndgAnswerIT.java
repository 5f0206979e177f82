package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.Installation;
import org.regolancer.orchestrator.fixtures.TestChannels;

/**
 * A broken proxy or a hostile server answering LNDg's channel list with 40 MB (a valid page of channel rows, then an
 * error page), against the packaged jar under the launcher's own JVM options (-Xmx48m, exit on OutOfMemoryError):
 * each is one failed fetch with one errors.log line, the daemon runs on, and the next good answer is used.
 */
class BigLndgAnswerIT {

    private static final int MB = 1024 * 1024;

    /** A page of LNDg's channel list of about {@code megabytes} MB, each row a real one (sources that pair with nothing). */
    private static String hugePage(int megabytes) throws Exception {
        String row = new ObjectMapper().writeValueAsString(TestChannels.row("%s", "Row", "%s", 1_000_000, 900_000, 100_000,
                false, 90, 75));
        StringBuilder page = new StringBuilder(megabytes * MB + 1000).append("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[");
        for (int n = 100; page.length() < megabytes * MB; n++) {
            page.append(n == 100 ? "" : ",").append(String.format(row, TestChannels.chanId(n), TestChannels.peer(n)));
        }
        return page.append("]}").toString();
    }

    @Test
    void aFortyMegabyteAnswerUnderTheLaunchersHeapIsOneFailedFetchAndTheNextGoodAnswerIsUsed() throws Exception {
        Path folder = Installation.newFolder();
        Installation app = new Installation(folder);
        Files.writeString(app.resolve("demo/standin-behaviour"), "* * success 0\n");
        assertTrue(Installation.launcherJvmOptions().contains("-Xmx48m"), Installation.launcherJvmOptions().toString());
        try (FakeLndg lndg = new FakeLndg()) {
            String errorPage = "<html><head><title>502 Proxy Error</title></head><body>" + "<p>upstream said no</p>".repeat(2 * MB)
                    + "</body></html>";
            lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")))
                    .thenAnswer(FakeLndg.Answer.json(200, hugePage(40)), new FakeLndg.Answer(502, "text/html", errorPage, 0));
            Map<String, String> env = Map.of("LNDG_BASE_URL", lndg.baseUrl(), "LNDG_USER", FakeLndg.USER,
                    "LNDG_PASS", FakeLndg.PASSWORD, "REGOLANCER_BIN", "./demo/regolancer", "DATA_DIR", "./data",
                    "SLEEP_SECONDS", "1", "ENABLE_DAILY_REPORT", "false");
            Process daemon = app.startWithLauncherOptions(env);
            try {
                Path ledger = app.resolve("data/rebalances.csv");
                Await.until(Duration.ofSeconds(90), () -> !daemon.isAlive()
                        || Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2);
                assertTrue(daemon.isAlive(), "the daemon runs on (exit " + (daemon.isAlive() ? "" : daemon.exitValue()) + "):\n"
                        + app.output());
                assertTrue(Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2,
                        "the next good answer was used: a payment S1 → T1\n" + app.output());
                assertTrue(Files.readString(ledger).contains("," + TestChannels.chanId(11) + ",T1,"), Files.readString(ledger));

                List<String> errors = Files.readAllLines(app.resolve("data/errors.log"), StandardCharsets.UTF_8);
                List<String> lndgErrors = errors.stream().filter(l -> l.contains("[lndg] ")).toList();
                assertEquals(2, lndgErrors.size(), "one line per failed fetch: " + errors);
                assertTrue(lndgErrors.get(0).endsWith("[lndg] channel fetch failed, cycle skipped: LNDg /api/channels/ answered "
                        + "more than 16 MB, more than the largest real node's page; it was not read further"), lndgErrors.get(0));
                assertTrue(lndgErrors.get(1).endsWith("[lndg] channel fetch failed, cycle skipped: LNDg /api/channels/ answered "
                        + "HTTP 502 (502 Proxy Error): LNDg itself failed; its log says why"), lndgErrors.get(1));
                assertFalse(app.output().contains("OutOfMemoryError"), app.output());
            } finally {
                Installation.stop(daemon);
            }
        }
    }
}
