package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * The books read only what LNDg has new, at most every books.refresh-ms (10 minutes, shortened here to 1.5 s) however
 * often the cycles run: Quiet paid 1,200 sat and earned nothing, so it waits; a forward that earns it 500 sat arrives,
 * the next read finds it and Quiet runs. Then LNDg's forwards fail: the books stay as they were (Quiet keeps running),
 * one errors.log line for the outage, cycles unharmed.
 */
class BooksReadRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("books.refresh-ms", "1500");
        properties.put("books.retry-ms", "300");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("rebalances.csv"),
                "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm\n"
                        + Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "," + chanId(1) + ",S1,"
                        + chanId(11) + ",Quiet,1000000,1200000,1200\n");
        lndg.withChannels(List.of(source(1, "S1"), target(11, "Quiet")))
                .withForward(1, naive(Instant.now().minus(2, ChronoUnit.HOURS)), 1_000_000, 0.5, chanId(99));
        // runs find no route: nothing paid, and with RETRY_WAIT_MINUTES=0 a runnable pair runs every cycle
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    private static String naive(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "RETRY_WAIT_MINUTES", "0", "LNDG_REFRESH_SECONDS", "0");
    }

    @Test
    void newForwardsAreReadIncrementallyAndAFailedReadKeepsTheBooks() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getCycles() >= 20), "cycles go on");
        assertEquals(List.of(), regolancer.runsOf(chanId(1), chanId(11)), "over budget: 1,200 sat paid, nothing earned");

        lndg.withForward(2, naive(Instant.now().minusSeconds(60)), 100_000_000, 500.0, chanId(11));
        assertTrue(await(Duration.ofSeconds(10), () -> !regolancer.runsOf(chanId(1), chanId(11)).isEmpty()),
                "the next read finds the 500 sat earned: budget 1,500");
        List<String> forwards = lndg.booksQueries().stream().filter(q -> q.startsWith("forwards?")).toList();
        long cycles = stats().getCycles();
        assertTrue(forwards.size() <= 8 && cycles > 5L * forwards.size(), forwards.size() + " reads in " + cycles + " cycles");
        assertTrue(forwards.stream().allMatch(q -> q.contains("forward_date__gte=") && q.contains("limit=500")), forwards.toString());

        lndg.withForwardsFailing(true);
        int before = lndg.booksQueries().size();
        assertTrue(await(Duration.ofSeconds(10), () -> lndg.booksQueries().size() >= before + 3), "it tries again");
        int runs = regolancer.runsOf(chanId(1), chanId(11)).size();
        assertTrue(await(Duration.ofSeconds(10), () -> regolancer.runsOf(chanId(1), chanId(11)).size() > runs + 3),
                "the books kept: Quiet still runs");
        List<String> errors = errorLines();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("[lndg-books] LNDg's forwards and rebalancer jobs could not be read for the "
                + "channels' books (the last books stay)"), errors.get(0));
        assertEquals(0, stats().getFetchFailures(), "the cycles' fetch is not harmed");
    }
}
