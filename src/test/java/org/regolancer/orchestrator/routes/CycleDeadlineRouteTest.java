package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.regolancer.RunOutcome;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Runs that outlive MAX_CYCLE_SECONDS: one hangs, one ignores SIGTERM, one paid and then hangs ignoring SIGTERM.
 * The cycle still ends on time, every run is gone, the payment is recorded, and a fresh cycle follows.
 */
class CycleDeadlineRouteTest extends DaemonRouteTestSupport {

    private static final String HANG_SECONDS = "3607";

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), source(3, "S3"),
                target(11, "T1"), target(12, "T2"), target(13, "T3")));
        regolancer = new StandinRegolancer(work.resolve("bin"),
                chanId(1) + " " + chanId(11) + " success-then-hang " + HANG_SECONDS,
                chanId(2) + " " + chanId(12) + " ignore-term " + HANG_SECONDS,
                chanId(3) + " " + chanId(13) + " hang " + HANG_SECONDS,
                "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("MAX_WORKERS", "3", "MAX_CYCLE_SECONDS", "10", "RANDOMIZE_PAIRS", "false", "SLEEP_SECONDS", "1");
    }

    @Test
    void stopsRunsAtTheDeadlineKeepsTheirPaymentsAndStartsAFreshCycle() throws Exception {
        Instant start = Instant.now();
        assertTrue(await(Duration.ofSeconds(10), () -> regolancer.runs().size() == 3), () -> "three hanging runs started: " + regolancer.runs());
        // from now on every new run fails at once, so the next cycle is short
        Files.writeString(work.resolve("bin/standin-behaviour"), "* * fail\n");

        assertTrue(await(Duration.ofSeconds(25), () -> lndg.requests().size() >= 2), "a fresh cycle fetched again");
        Duration firstCycle = Duration.between(start, Instant.now());
        assertTrue(firstCycle.compareTo(Duration.ofSeconds(10 + 3 + 4)) < 0,
                "deadline 10 s + 3 s SIGKILL grace, took " + firstCycle);

        List<StandinRegolancer.Run> hung = regolancer.runs().subList(0, 3);
        for (StandinRegolancer.Run run : hung) {
            assertFalse(ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false), "run " + run + " is gone");
        }
        assertTrue(await(Duration.ofSeconds(2), () -> ProcessHandle.allProcesses()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep " + HANG_SECONDS))),
                "no child of a stopped run is left (SIGKILL reaches the whole tree)");

        assertEquals(2, ledgerLines().size(), "header and the payment of the run that paid, then hung");
        assertTrue(ledgerLines().get(1).contains(chanId(1) + ",S1," + chanId(11) + ",T1,19532,"));
        assertEquals(3, stats().getRuns(RunOutcome.STOPPED) + stats().getRuns(RunOutcome.SUCCESS));
        List<String> timeouts = errorLines().stream().filter(l -> l.contains("MAX_CYCLE_SECONDS=10")).toList();
        assertEquals(1, timeouts.size(), errorLines().toString());
        assertTrue(timeouts.get(0).contains("3 regolancer runs stopped"), timeouts.get(0));
    }

}
