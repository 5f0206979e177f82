package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * The refill budget (REFILL_BUDGET_PERCENT 100, REFILL_ALLOWANCE_SAT 1000: the defaults) against the ledger and the
 * stand-in LNDg's forwards and jobs. Spender paid 1,200 sat into its refills and earned nothing: over budget, never
 * run. Earner paid 1,200 sat and earned 1,000 forwarding out (its budget 2,000): runs until its payments (50 sat each:
 * the stand-in pays up to its run's cap, econ_ratio_max_ppm 500 for 100,000 sat) reach it, 16 of them. Nearly paid 900
 * sat, and LNDg's own rebalancer paid 97.5 sat more into its peer: 2.5 sat left, 25 ppm for a 100,000-sat run, below
 * LNDg's 65 ppm and above its peer's 10: one run with that cap and no rapid rebalancing, whose payment (2.5 sat at 25
 * ppm, the whole rest) counts at once, so it runs no more. The books read LNDg once at the first cycle, not every
 * cycle.
 */
class RefillBudgetRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        String recent = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("rebalances.csv"), String.join("\n",
                "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm",
                recent + "," + chanId(1) + ",S1," + chanId(11) + ",Spender,1000000,1200000,1200",
                recent + "," + chanId(1) + ",S1," + chanId(12) + ",Earner,1000000,1200000,1200",
                recent + "," + chanId(1) + ",S1," + chanId(13) + ",Nearly,1000000,900000,900",
                // older than the 30 days: not in the books
                Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "," + chanId(1) + ",S1,"
                        + chanId(12) + ",Earner,1000000,99000000,99000") + "\n");
        String naive = LocalDateTime.ofInstant(Instant.now().minus(1, ChronoUnit.HOURS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        lndg.withChannels(List.of(source(1, "S1"), target(11, "Spender"), target(12, "Earner"), target(13, "Nearly")))
                .withForward(1, naive, 500_000_000, 600.0, chanId(12))
                .withForward(2, naive, 400_000_000, 400.0, chanId(12))
                .withRebalance(5, naive, 50_000, 97.5, 2, org.regolancer.orchestrator.fixtures.TestChannels.peer(13));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success").keepingConfigs();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "AMOUNT_INITIAL", "100000", "AMOUNT_INCREASE_PERCENT", "0",
                "LNDG_REFRESH_SECONDS", "0");
    }

    @Test
    void aTargetOverItsBudgetIsSkippedWhileOthersRunAndAPaymentCountsAtOnce() throws Exception {
        assertTrue(await(Duration.ofSeconds(60), () -> stats().getCycles() >= 20
                && !regolancer.runsOf(chanId(1), chanId(13)).isEmpty() && regolancer.runsOf(chanId(1), chanId(12)).size() >= 16),
                "cycles go on, Earner and Nearly run");
        assertEquals(List.of(), regolancer.runsOf(chanId(1), chanId(11)), "Spender: 1,200 sat paid ≥ 0 earned + 1,000");
        assertTrue(stats().getPairsSkippedBudget() >= stats().getCycles() - 1, "counted under its own reason");

        List<JsonNode> nearly = regolancer.configs(chanId(1), chanId(13));
        assertEquals(1, regolancer.runsOf(chanId(1), chanId(13)).size(), "its payment spent the rest: no second run");
        assertEquals(25, nearly.get(0).path("econ_ratio_max_ppm").asLong(), "2.5 sat left for 100,000 sat");
        assertFalse(nearly.get(0).path("allow_rapid_rebalance").asBoolean(true), nearly.get(0).toString());
        List<JsonNode> earner = regolancer.configs(chanId(1), chanId(12));
        assertEquals(500, earner.get(0).path("econ_ratio_max_ppm").asLong(), "LNDg's own cap: the budget does not bind");
        assertEquals(16, regolancer.runsOf(chanId(1), chanId(12)).size(), "Earner: 1,200 + 15 × 50 < 2,000 ≤ 1,200 + 16 × 50");
        assertTrue(ledgerLines().stream().anyMatch(l -> l.endsWith("," + chanId(13) + ",Nearly,100000,2500,25")),
                "Nearly's run paid what its cap allowed: " + ledgerLines());
        assertEquals(3, stats().getTargetsOverBudget(), "Spender, Nearly and Earner after their payments");

        List<String> books = lndg.booksQueries();
        assertEquals(2, books.size(), "the window read once at the first cycle (forwards, jobs), not per cycle: " + books);
        assertTrue(books.get(0).startsWith("forwards?forward_date__gte="), books.get(0));
        assertTrue(books.get(1).startsWith("rebalancer?stop__gt="), books.get(1));
        assertEquals(List.of(), errorLines());
    }
}
