package org.regolancer.orchestrator.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.lndg.ChannelPageParser;

class PairPlannerTest {

    private static final String PEER_A = "02" + "a".repeat(64);
    private static final String PEER_B = "02" + "b".repeat(64);
    private static final String PEER_C = "02" + "c".repeat(64);

    private final PairPlanner planner = new PairPlanner(List.of());

    @Test
    void aSourceAtExactlyItsOutTargetIsOneByLndgsPercentButHasNoMarginSoIsNotPaired() {
        Channel edge = channel("1", PEER_A, 4_000_000, 3_000_000, 1_000_000, 0, 0, false, 90, 75);
        Channel below = channel("2", PEER_B, 4_000_000, 2_999_999, 1_000_001, 0, 0, false, 90, 75);
        Channel target = channel("3", PEER_C, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        assertEquals(75, edge.outboundPercent());
        assertEquals(74, below.outboundPercent(), "floored, as LNDg does");
        assertTrue(PairPlanner.isSource(edge));
        assertFalse(PairPlanner.isSource(below));
        assertEquals(0, edge.outboundMargin(), "LNDg runs no job from it: any value takes it below 75 %");
        assertEquals(List.of(), planner.plan(List.of(edge, target)), "no margin: not paired");
        assertEquals(List.of(edge), planner.withoutMargin(List.of(edge, below, target)));
        assertTrue(planner.hasTargets(List.of(edge, target)), "no pair, yet not balanced: a target waits");
        assertFalse(planner.hasTargets(List.of(edge, below)));
    }

    @Test
    void theMarginIsLndgsRunTimeRuleForSourcesWithPendingOutboundAndARoundedUpTarget() {
        // LNDg takes value v from a source iff (local + pending_out − v) × 100 / capacity ≥ ar_out_target (integers)
        Channel odd = channel("1", PEER_A, 3_333_333, 2_600_000, 700_000, 25_000, 0, false, 90, 75);
        assertEquals(2_600_000 + 25_000 - 2_500_000, odd.outboundMargin(), "75 % of 3,333,333 is 2,499,999.75: 2,500,000 kept");
        long v = odd.outboundMargin();
        assertTrue((odd.localBalance() + odd.pendingOutbound() - v) * 100 / odd.capacity() >= 75);
        assertTrue((odd.localBalance() + odd.pendingOutbound() - v - 1) * 100 / odd.capacity() < 75, "one sat more is too much");
        assertEquals(-100_000, channel("2", PEER_B, 1_000_000, 650_000, 350_000, 0, 0, false, 90, 75).outboundMargin());
    }

    @Test
    void aSourcesMarginMustHoldTheSmallestRunAndEachRunTakesAtMostIt() {
        Channel target = channel("9", PEER_C, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        Channel thin = channel("1", PEER_A, 1_000_000, 759_999, 240_001, 0, 0, false, 90, 75);
        Channel enough = channel("2", PEER_B, 1_000_000, 760_000, 240_000, 0, 0, false, 90, 75);
        assertEquals(9_999, thin.outboundMargin());
        List<Pair> pairs = planner.plan(List.of(thin, enough, target));
        assertEquals(List.of("2→9"), pairs.stream().map(Pair::toString).toList(), "regolancer's floor without min_amount: 10,000 sat");
        assertEquals(10_000, pairs.get(0).amount(19_532), "the cycle's amount lowered to the margin");
        assertEquals(10_000, pairs.get(0).amount(175_788));
        assertEquals(List.of("1→9", "2→9"), new PairPlanner(List.of(), Exclusions.NONE, 5_000).plan(List.of(thin, enough, target))
                .stream().map(Pair::toString).toList(), "the template's min_amount 5,000");
        assertEquals(5_000, new Pair(channel("3", PEER_A, 1_000_000, 755_000, 245_000, 0, 0, false, 90, 75), target).amount(19_532));
        assertEquals(19_532, new Pair(channel("4", PEER_A, 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75), target).amount(19_532),
                "a margin of 150,000 keeps the cycle's amount");
    }

    @Test
    void channelsTheTemplateExcludesAreNotPairedByIdShortIdOrPeer() {
        Channel s1 = channel("905399447106748416", PEER_A, 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75);
        Channel s2 = channel("2", PEER_B, 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75);
        Channel t1 = channel("893182773332606977", PEER_C, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        Channel t2 = channel("4", "02" + "d".repeat(64), 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        List<Channel> all = List.of(s1, s2, t1, t2);
        assertEquals(Set.of("905399447106748416→893182773332606977", "905399447106748416→4", "2→893182773332606977", "2→4"),
                pairs(Exclusions.NONE, all));
        // 812345x1021x1 is 893182773332606977 (LNDg's short_chan_id): block << 40 | tx << 16 | output
        assertEquals("893182773332606977", Exclusions.normalise("812345x1021x1"));
        assertEquals(Set.of("905399447106748416→4", "2→4"), pairs(Exclusions.NONE.withBoth("exclude", List.of("812345x1021x1")), all));
        assertEquals(Set.of("2→893182773332606977", "2→4"), pairs(Exclusions.NONE.withBoth("exclude", List.of(PEER_A.toUpperCase())), all),
                "a peer regolancer's route search ignores");
        assertEquals(Set.of("2→893182773332606977", "2→4"), pairs(Exclusions.NONE.withSources("exclude_from",
                List.of("905399447106748416", "893182773332606977")), all), "exclude_from rules out sources only");
        assertEquals(Set.of("905399447106748416→893182773332606977", "2→893182773332606977"),
                pairs(Exclusions.NONE.withTargets("exclude_to", List.of("4", "2")), all), "exclude_to rules out targets only");
        assertEquals("exclude_to", Exclusions.NONE.withTargets("exclude_to", List.of("04")).target(t2), "a decimal id as a number");
    }

    private static Set<String> pairs(Exclusions exclusions, List<Channel> channels) {
        return new PairPlanner(List.of(), exclusions, PairPlanner.DEFAULT_MIN_AMOUNT).plan(channels).stream().map(Pair::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void pendingHtlcsDecideAtTheThreshold() {
        Channel withPendingOut = channel("1", PEER_A, 1_000_000, 740_000, 250_000, 10_000, 0, false, 90, 75);
        Channel withoutPending = channel("2", PEER_A, 1_000_000, 740_000, 250_000, 0, 0, false, 90, 75);
        assertTrue(PairPlanner.isSource(withPendingOut), "74 % local + 1 % pending out = 75 %");
        assertFalse(PairPlanner.isSource(withoutPending));

        Channel targetWithPendingIn = channel("3", PEER_B, 1_000_000, 100_000, 890_000, 0, 10_000, true, 90, 75);
        Channel targetWithout = channel("4", PEER_B, 1_000_000, 100_000, 890_000, 0, 0, true, 90, 75);
        assertTrue(PairPlanner.isTarget(targetWithPendingIn), "89 % remote + 1 % pending in = 90 %");
        assertFalse(PairPlanner.isTarget(targetWithout));
    }

    @Test
    void targetsNeedAutoRebalanceAndSourcesMustNotHaveIt() {
        Channel fullAr = channel("1", PEER_A, 1_000_000, 950_000, 50_000, 0, 0, true, 90, 75);
        Channel emptyNonAr = channel("2", PEER_B, 1_000_000, 50_000, 950_000, 0, 0, false, 90, 75);
        assertFalse(PairPlanner.isSource(fullAr), "an AR channel is never a source");
        assertFalse(PairPlanner.isTarget(emptyNonAr), "a non-AR channel is never a target");
    }

    @Test
    void pairsEverySourceWithEveryTargetExceptTheSamePeer() {
        Channel s1 = channel("1", PEER_A, 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75);
        Channel s2 = channel("2", PEER_B, 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75);
        Channel t1 = channel("3", PEER_A, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        Channel t2 = channel("4", PEER_C, 1_000_000, 50_000, 950_000, 0, 0, true, 80, 75);
        List<Pair> pairs = planner.plan(List.of(s1, s2, t1, t2));
        assertEquals(Set.of("1→4", "2→3", "2→4"), pairs.stream().map(Pair::toString).collect(Collectors.toSet()));
        Pair pair = pairs.stream().filter(p -> p.toString().equals("2→4")).findFirst().orElseThrow();
        assertEquals(25, pair.pfrom(), "100 − source.ar_out_target");
        assertEquals(20, pair.pto(), "100 − target.ar_in_target");
    }

    @Test
    void neverUsesPrivateInactiveClosedOrExcludedChannels() {
        Channel source = channel("1", PEER_A, 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75);
        Channel target = channel("2", PEER_B, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        assertEquals(1, planner.plan(List.of(source, target)).size());
        assertEquals(0, planner.plan(List.of(privateOf(source), target)).size());
        assertEquals(0, planner.plan(List.of(source, inactive(target))).size());
        assertEquals(0, planner.plan(List.of(closed(source), target)).size());
        assertEquals(0, new PairPlanner(List.of("2")).plan(List.of(source, target)).size(), "excluded by chan_id");
        assertEquals(0, new PairPlanner(List.of(PEER_A)).plan(List.of(source, target)).size(), "excluded by peer");
        assertEquals(0, new PairPlanner(List.of(PEER_A.toUpperCase()))
                .plan(List.of(source, target)).size(), "a pubkey matches in any case");
    }

    @Test
    void theLndgSampleGivesTwoSourcesIntoSinkNode() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/demo/lndg-channels.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Pair> pairs = planner.plan(new ChannelPageParser().parse(sample).channels());
        assertEquals(Set.of("SourceHubA → SinkNode", "SourceHubB → SinkNode"),
                pairs.stream().map(Pair::label).collect(Collectors.toSet()),
                "FlakyPeer is inactive, ClosedPeer closed; EdgeCase75 sits exactly at its 75 %: no margin, not paired");
    }

    private static Channel privateOf(Channel c) {
        return with(c, true, true, true);
    }

    private static Channel inactive(Channel c) {
        return with(c, false, true, false);
    }

    private static Channel closed(Channel c) {
        return with(c, true, false, false);
    }

    private static Channel with(Channel c, boolean active, boolean open, boolean isPrivate) {
        return new Channel(c.id(), c.alias(), c.peer(), c.capacity(), c.localBalance(), c.remoteBalance(),
                c.pendingOutbound(), c.pendingInbound(), active, open, isPrivate, c.autoRebalance(), c.arInTarget(),
                c.arOutTarget(), c.fees(), c.htlcCount());
    }
}
