package org.regolancer.orchestrator.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;

/** The cycle's plan from a plain list of channels, as the daemon makes it and check can: no Camel, no LNDg. */
class CyclePlannerTest {

    @TempDir
    Path dir;

    private static List<Channel> twoSourcesTwoTargets(int busyTargetHtlcs) throws IOException {
        Map<String, Object> busy = target(12, "Busy");
        busy.put("htlc_count", busyTargetHtlcs);
        return DaemonParts.channels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), busy));
    }

    /** A judgment that runs every pair and notes what it was given. */
    private static CyclePlanner.Judging everyPair(List<Object> given) {
        return (pairs, arMaxFeeRate, books, amountSat) -> {
            given.addAll(List.of(arMaxFeeRate, books, amountSat));
            return new Judgment.Verdict(pairs, List.of(), false, Map.of());
        };
    }

    @Test
    void pairsByLndgsRulesWithTheCyclesAmountOnTheLadder() throws IOException {
        DaemonParts parts = new DaemonParts(dir, Map.of());
        CyclePlanner planner = new CyclePlanner(parts.settings);
        List<Channel> channels = twoSourcesTwoTargets(0);

        List<Object> given = new ArrayList<>();
        CyclePlanner.Plan first = planner.plan(channels, 0, 500, Map::of, everyPair(given));
        assertEquals(4, first.paired().size(), "2 sources × 2 targets");
        assertEquals(first.paired(), first.toRun());
        assertTrue(first.hasTargets());
        assertEquals(parts.settings.amounts().initial(), first.amountSat(), "cycle 0: AMOUNT_INITIAL");
        assertEquals(List.of(500L, Map.of(), parts.settings.amounts().initial()), given, "the judgment got the cycle's figures");
        assertTrue(planner.plan(channels, 1, 500, Map::of, everyPair(new ArrayList<>())).amountSat() > first.amountSat(),
                "the next cycle's amount is higher (AMOUNT_INCREASE_PERCENT)");
    }

    @Test
    void lndgsFeeRateIsCappedAtMaxFeePpm() throws IOException {
        List<Channel> channels = twoSourcesTwoTargets(0);
        assertEquals(500, new CyclePlanner(new DaemonParts(dir.resolve("off"), Map.of()).settings)
                .plan(channels, 0, 500, Map::of, everyPair(new ArrayList<>())).arMaxFeeRate(), "MAX_FEE_PPM=0: LNDg's own");
        List<Object> given = new ArrayList<>();
        CyclePlanner.Plan capped = new CyclePlanner(new DaemonParts(dir.resolve("on"), Map.of("MAX_FEE_PPM", "300")).settings)
                .plan(channels, 0, 500, Map::of, everyPair(given));
        assertEquals(300, capped.arMaxFeeRate());
        assertEquals(300L, given.get(0), "the judgment and the runs' configs agree");
    }

    @Test
    void theBooksAreAskedForOnlyWhenThereIsAPairToJudge() throws IOException {
        CyclePlanner planner = new CyclePlanner(new DaemonParts(dir, Map.of()).settings);
        AtomicInteger asked = new AtomicInteger();
        Map<ChannelId, ChannelBook> books = Map.of();
        CyclePlanner.Plan paired = planner.plan(twoSourcesTwoTargets(0), 0, 500, () -> {
            asked.incrementAndGet();
            return books;
        }, everyPair(new ArrayList<>()));
        assertEquals(1, asked.get(), "asked once for a cycle with pairs");
        assertFalse(paired.paired().isEmpty());

        CyclePlanner.Plan balanced = planner.plan(DaemonParts.channels(List.of(source(1, "S1"))), 1, 500, () -> {
            asked.incrementAndGet();
            return books;
        }, everyPair(new ArrayList<>()));
        assertEquals(List.of(), balanced.paired());
        assertFalse(balanced.hasTargets());
        assertEquals(1, asked.get(), "a balanced node's cycle does not add up the books");
    }

    @Test
    void theDaemonsJudgmentSkipsWhatItWouldSkip() throws IOException {
        DaemonParts parts = new DaemonParts(dir, Map.of("MAX_PENDING_HTLCS", "4"));
        CyclePlanner.Plan plan = new CyclePlanner(parts.settings).plan(twoSourcesTwoTargets(4), 0, 500, Map::of,
                parts.judge::verdict);
        assertEquals(4, plan.paired().size());
        assertEquals(List.of(chanId(11), chanId(11)), plan.toRun().stream().map(Pair::target).map(c -> c.id().value()).toList(),
                "the pairs into the target with 4 HTLCs pending are skipped");
        assertEquals(Map.of(SkipReason.HTLC, 2), plan.verdict().counts());
        assertEquals(2, parts.stats.getPairsSkippedHtlc(), "the daemon's judge counts them");
    }
}
