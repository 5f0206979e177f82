package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.regolancer.RunOutcome;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Payments are counted from the stat file of each run, whatever its exit code says. Each paying run has a target of
 * its own: a paid target's other pairs are not run in the same cycle.
 */
class RunOutcomesRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), source(3, "S3"),
                target(11, "T1"), target(12, "T2"), target(13, "T3"), target(14, "T4"), target(15, "T5")));
        regolancer = new StandinRegolancer(work.resolve("bin"),
                chanId(1) + " " + chanId(11) + " rapid 0 3",
                chanId(2) + " " + chanId(12) + " timeout-after-success",
                chanId(3) + " " + chanId(13) + " crash",
                chanId(1) + " " + chanId(14) + " garbage-row",
                chanId(2) + " " + chanId(15) + " flood 20",
                "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("RUN_FOREVER", "false", "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void recordsRapidRowsAndSuccessesBeforeExit2AndReportsCrashesAndBadRows() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished));
        for (String special : List.of(chanId(1) + ">" + chanId(11), chanId(2) + ">" + chanId(12), chanId(3) + ">" + chanId(13),
                chanId(1) + ">" + chanId(14), chanId(2) + ">" + chanId(15))) {
            assertEquals(1, regolancer.runs().stream().filter(r -> (r.from() + ">" + r.to()).equals(special)).count(), special);
        }
        assertEquals(15, regolancer.runs().size() + stats().getPairsSkippedTargetPaid(),
                "every pair ran, or its target was paid before its turn");

        List<String> ledger = ledgerLines();
        assertEquals(1 + 3 + 1 + 1 + 1, ledger.size(),
                "3 rapid payments, 1 before exit 2, 1 valid row beside a bad one, 1 after 20 MB of output");
        assertEquals(1, ledger.stream().filter(l -> l.contains(chanId(2) + ",S2," + chanId(15))).count());
        assertEquals(1, ledger.stream().filter(l -> l.contains(chanId(1) + ",S1," + chanId(14))).count());
        assertEquals(3, ledger.stream().filter(l -> l.contains(chanId(1) + ",S1," + chanId(11))).count());
        assertEquals(1, ledger.stream().filter(l -> l.contains(chanId(2) + ",S2," + chanId(12))).count());

        assertEquals(4, stats().getRuns(RunOutcome.SUCCESS));
        assertEquals(1, stats().getRuns(RunOutcome.FAILED));
        assertEquals(regolancer.runs().size() - 5, stats().getRuns(RunOutcome.NOTHING_POSSIBLE));

        List<String> errors = errorLines();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("S3 → T3: regolancer exited with 139")), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("malformed stat rows")), errors.toString());
        assertTrue(telegram.paths().isEmpty(), "SEND_REBALANCE_MSG=false sends nothing");
    }
}
