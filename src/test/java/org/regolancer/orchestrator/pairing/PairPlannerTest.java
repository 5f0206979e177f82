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
    void aSourceAtExactlyItsOutTargetCountsLikeLndg() {
        Channel edge = channel("1", PEER_A, 4_000_000, 3_000_000, 1_000_000, 0, 0, false, 90, 75);
        Channel below = channel("2", PEER_B, 4_000_000, 2_999_999, 1_000_001, 0, 0, false, 90, 75);
        assertEquals(75, edge.outboundPercent());
        assertEquals(74, below.outboundPercent(), "floored, as LNDg does");
        assertTrue(PairPlanner.isSource(edge));
        assertFalse(PairPlanner.isSource(below));
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
    void theLndgSampleGivesThreeSourcesIntoSinkNode() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/demo/lndg-channels.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Pair> pairs = planner.plan(new ChannelPageParser().parse(sample).channels());
        assertEquals(Set.of("SourceHubA → SinkNode", "SourceHubB → SinkNode", "EdgeCase75 → SinkNode"),
                pairs.stream().map(Pair::label).collect(Collectors.toSet()),
                "FlakyPeer is inactive, ClosedPeer closed; SourceHubB is a source only through its pending HTLC");
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
