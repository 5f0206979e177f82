package org.regolancer.orchestrator.judgment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.sourceChannel;
import static org.regolancer.orchestrator.fixtures.TestChannels.targetChannel;
import static org.regolancer.orchestrator.fixtures.TestChannels.withFees;
import static org.regolancer.orchestrator.fixtures.TestChannels.withHtlcs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelFees;
import org.regolancer.orchestrator.pairing.Pair;

class JudgmentTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final Channel s1 = sourceChannel(1);
    private final Channel s2 = sourceChannel(2);
    private final Channel t1 = targetChannel(11);
    private final Channel t2 = targetChannel(12);

    private static Judgment judgment(FeePolicy policy, int maxHtlcs, Random random) {
        return new Judgment(policy, maxHtlcs, new PairWaits(Duration.ofMinutes(30), Duration.ofMinutes(360)), random,
                RefillBudget.OFF);
    }

    @Test
    void aPairThatPaidInItsLastRunGoesFirstBeforeTheShuffledRest() {
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(s1, t2), new Pair(s2, t1), new Pair(s2, t2));
        Judgment judgment = judgment(FeePolicy.LNDG, 4, new Random(7));
        judgment.runEnded(new Pair(s2, t2).key(), RunEffect.PAID, T0);
        for (int i = 0; i < 20; i++) {
            assertEquals(new Pair(s2, t2), judgment.judge(pairs, 500, T0).toRun().get(0), "the payer first, every time");
        }
        judgment.runEnded(new Pair(s2, t2).key(), RunEffect.NEUTRAL, T0);
        boolean moved = false;
        for (int i = 0; i < 20 && !moved; i++) {
            moved = !judgment.judge(pairs, 500, T0).toRun().get(0).equals(new Pair(s2, t2));
        }
        assertTrue(moved, "its last run did not pay: back among the shuffled");
    }

    @Test
    void withoutShufflingThePairsKeepLndgsOrderAfterThePayers() {
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(s1, t2), new Pair(s2, t1), new Pair(s2, t2));
        Judgment judgment = judgment(FeePolicy.LNDG, 4, null);
        judgment.runEnded(new Pair(s2, t1).key(), RunEffect.PAID, T0);
        assertEquals(List.of(new Pair(s2, t1), new Pair(s1, t1), new Pair(s1, t2), new Pair(s2, t2)),
                judgment.judge(pairs, 500, T0).toRun());
    }

    @Test
    void aPairThatFailedIsSkippedWhileItRestsAndRunsAgainAfter() {
        Judgment judgment = judgment(FeePolicy.LNDG, 4, null);
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(s2, t1));
        assertTrue(judgment.runEnded(new Pair(s1, t1).key(), RunEffect.ROUTE_FAILURE, T0), "a wait to keep");
        Judgment.Verdict during = judgment.judge(pairs, 500, T0.plus(Duration.ofMinutes(29)));
        assertEquals(List.of(new Pair(s2, t1)), during.toRun());
        assertEquals(Map.of(SkipReason.WAIT, 1), during.counts());
        assertTrue(during.skipped().get(0).why().contains("resting until 2026-11-26 10:30:00 UTC after 1 failed run"),
                during.skipped().get(0).why());
        assertEquals(1, judgment.restingCount(T0));
        assertEquals(pairs, judgment.judge(pairs, 500, T0.plus(Duration.ofMinutes(30))).toRun());
    }

    @Test
    void onlyRouteFailuresAndCrashesMakeAPairWait() {
        Judgment judgment = judgment(FeePolicy.LNDG, 4, null);
        for (RunEffect effect : List.of(RunEffect.UNEXPLAINED_FAILURE, RunEffect.NEUTRAL)) {
            assertFalse(judgment.runEnded(new Pair(s1, t1).key(), effect, T0), effect.name());
        }
        assertEquals(0, judgment.restingCount(T0));
        judgment.runEnded(new Pair(s1, t1).key(), RunEffect.CRASH, T0);
        assertEquals(1, judgment.restingCount(T0));
        assertTrue(judgment.runEnded(new Pair(s1, t1).key(), RunEffect.PAID, T0), "a payment ends the wait");
        assertEquals(0, judgment.restingCount(T0));
    }

    @Test
    void underLndgsPolicyATargetWhoseCapCannotBeMetIsSkippedUnderTheTemplatesItRuns() {
        Channel hopeless = withFees(targetChannel(13), new ChannelFees(100, 80, 65));
        Channel unknown = withFees(targetChannel(14), ChannelFees.NONE);
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(s1, hopeless), new Pair(s1, unknown));
        Judgment.Verdict lndg = judgment(FeePolicy.LNDG, 4, null).judge(pairs, 500, T0);
        assertEquals(List.of(new Pair(s1, t1)), lndg.toRun());
        assertEquals(Map.of(SkipReason.FEE, 2), lndg.counts());
        assertEquals(pairs, judgment(FeePolicy.TEMPLATE, 4, null).judge(pairs, 500, T0).toRun());
        assertEquals(List.of(), judgment(FeePolicy.LNDG, 4, null).judge(List.of(new Pair(s1, t1)), 10, T0).toRun(),
                "AR-MaxFeeRate 10 ppm is not above the peer's 10 ppm");
    }

    @Test
    void aChannelWithMaxPendingHtlcsOrMoreIsNeitherSourceNorTarget() {
        Channel busySource = withHtlcs(sourceChannel(3), 4);
        Channel busyTarget = withHtlcs(targetChannel(13), 5);
        Channel nearlyBusy = withHtlcs(targetChannel(14), 3);
        List<Pair> pairs = List.of(new Pair(busySource, t1), new Pair(s1, busyTarget), new Pair(s1, nearlyBusy));
        Judgment.Verdict guarded = judgment(FeePolicy.TEMPLATE, 4, null).judge(pairs, 500, T0);
        assertEquals(List.of(new Pair(s1, nearlyBusy)), guarded.toRun());
        assertEquals(Map.of(SkipReason.HTLC, 2), guarded.counts());
        assertEquals(pairs, judgment(FeePolicy.TEMPLATE, 0, null).judge(pairs, 500, T0).toRun(), "0 = no limit");
    }

    @Test
    void aPairLndgNoLongerListsIsForgottenAfterTheLongestWait() {
        Judgment judgment = judgment(FeePolicy.LNDG, 4, null);
        judgment.runEnded(new Pair(s1, t1).key(), RunEffect.ROUTE_FAILURE, T0);
        assertFalse(judgment.judge(List.of(new Pair(s2, t2)), 500, T0.plus(Duration.ofMinutes(10))).waitsChanged());
        assertTrue(judgment.judge(List.of(new Pair(s2, t2)), 500, T0.plus(Duration.ofMinutes(360))).waitsChanged(),
                "forgotten: the file is rewritten");
        assertEquals(PairWaits.HEADER + "\n", judgment.waitsCsv());
    }

    private static Judgment budgeted(FeePolicy policy) {
        return new Judgment(policy, 4, new PairWaits(Duration.ofMinutes(30), Duration.ofMinutes(360)), null,
                new RefillBudget(100, Msat.of(1_000_000)));
    }

    private static org.regolancer.orchestrator.books.ChannelBook book(Channel c, long paidMsat, long earnedMsat) {
        return new org.regolancer.orchestrator.books.ChannelBook(c.id(), 3, Sat.of(300_000), Msat.of(paidMsat), 0, 5,
                Sat.of(50_000), Msat.of(earnedMsat));
    }

    @Test
    void aTargetThatPaidItsBudgetIsSkippedForBudgetWhileAnotherRuns() {
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(s2, t1), new Pair(s1, t2));
        // t1: 1,500 sat paid ≥ 100 % of 500 earned + 1,000 allowance; t2: 1,499.999 paid
        Judgment.Verdict verdict = budgeted(FeePolicy.TEMPLATE).judge(pairs, 500,
                Map.of(t1.id(), book(t1, 1_500_000, 500_000), t2.id(), book(t2, 1_499_999, 500_000)), 100_000, T0);
        assertEquals(List.of(new Pair(s1, t2)), verdict.toRun());
        assertEquals(Map.of(SkipReason.BUDGET, 2), verdict.counts());
        assertEquals("budget", SkipReason.BUDGET.label());
        assertTrue(verdict.skipped().get(0).why().contains("1500 sat reached its budget 1500 sat (100 % of 500 sat earned"),
                verdict.skipped().get(0).why());
        assertEquals(Map.of(), verdict.budgetCaps(), "under the template's policy no run's cap is touched");
    }

    @Test
    void aTargetWithNoBooksHasItsAllowanceAndWithoutABudgetNothingIsSkipped() {
        List<Pair> pairs = List.of(new Pair(s1, t1));
        assertEquals(pairs, budgeted(FeePolicy.TEMPLATE).judge(pairs, 500, Map.of(), 100_000, T0).toRun());
        Map<org.regolancer.orchestrator.pairing.ChannelId, org.regolancer.orchestrator.books.ChannelBook> spent =
                Map.of(t1.id(), book(t1, 50_000_000, 0));
        assertEquals(pairs, judgment(FeePolicy.TEMPLATE, 4, null).judge(pairs, 500, spent, 100_000, T0).toRun(), "budget off");
    }

    @Test
    void underLndgsPolicyTheRestOfTheBudgetLowersTheRunsCapOrSkipsWhenNotAboveThePeersFee() {
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(s1, t2));
        // LNDg's cap of both: min(500, 100 × 65 %) = 65 ppm; peer's fee 10 ppm. For 100,000 sat:
        // t1 has 4 sat left: 40 ppm, run with that cap; t2 has 1 sat left: 10 ppm, not above the peer's fee
        Judgment.Verdict verdict = budgeted(FeePolicy.LNDG).judge(pairs, 500,
                Map.of(t1.id(), book(t1, 996_000, 0), t2.id(), book(t2, 999_000, 0)), 100_000, T0);
        assertEquals(List.of(new Pair(s1, t1)), verdict.toRun());
        assertEquals(Map.of(new Pair(s1, t1).key(), 40L), verdict.budgetCaps());
        assertEquals(SkipReason.BUDGET, verdict.skipped().get(0).reason());
        assertTrue(verdict.skipped().get(0).why().contains("allows 10 ppm for 100000 sat, not above the peer's fee 10 ppm"),
                verdict.skipped().get(0).why());

        Judgment.Verdict roomy = budgeted(FeePolicy.LNDG).judge(pairs, 500, Map.of(), 100_000, T0);
        assertEquals(Map.of(), roomy.budgetCaps(), "1,000 sat allow 10,000 ppm: LNDg's 65 ppm binds, nothing lowered");
    }

    @Test
    void theBudgetsCapIsForEachPairsOwnAmountTheCyclesLoweredToItsSourcesMargin() {
        // s1's margin is 150,000 sat (900,000 local, 75 % of 1,000,000 kept); small's 40,000
        Channel small = org.regolancer.orchestrator.fixtures.TestChannels.channel(
                org.regolancer.orchestrator.fixtures.TestChannels.chanId(3), org.regolancer.orchestrator.fixtures.TestChannels.peer(3),
                1_000_000, 790_000, 210_000, 0, 0, false, 90, 75);
        assertEquals(40_000, new Pair(small, t1).amount(100_000));
        assertEquals(100_000, new Pair(s1, t1).amount(100_000));
        List<Pair> pairs = List.of(new Pair(s1, t1), new Pair(small, t1));
        // t1 has 4 sat left: 40 ppm for 100,000 sat, 100 ppm for 40,000 (above LNDg's 65: not lowered)
        Judgment.Verdict verdict = budgeted(FeePolicy.LNDG).judge(pairs, 500, Map.of(t1.id(), book(t1, 996_000, 0)), 100_000, T0);
        assertEquals(pairs, verdict.toRun());
        assertEquals(Map.of(new Pair(s1, t1).key(), 40L), verdict.budgetCaps());

        // 0.8 sat left: 8 ppm for 100,000 sat (not above the peer's 10), 20 ppm for 40,000 sat: only the small run goes
        Judgment.Verdict tight = budgeted(FeePolicy.LNDG).judge(pairs, 500, Map.of(t1.id(), book(t1, 999_200, 0)), 100_000, T0);
        assertEquals(List.of(new Pair(small, t1)), tight.toRun());
        assertEquals(Map.of(new Pair(small, t1).key(), 20L), tight.budgetCaps());
    }
}
