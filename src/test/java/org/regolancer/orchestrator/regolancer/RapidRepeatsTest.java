package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;
import static org.regolancer.orchestrator.fixtures.TestChannels.peer;

import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * regolancer's repeats (a, 2a, 4a …) end only when its own candidate check fails: the target's local reaching
 * capacity × pto / 100, or the source's remote reaching capacity × pfrom / 100, which lies past LNDg's margin.
 */
class RapidRepeatsTest {

    /** A source of 2,000,000 with ar_out_target 75: margin = local − 1,500,000. */
    private static Channel source(long local) {
        return channel("1", peer(1), 2_000_000, local, 2_000_000 - local - 3_470, 0, 0, false, 90, 75);
    }

    /** A target of 1,000,000 with ar_in_target 80 (pto 20: repeats go on while its local is below 200,000). */
    private static Channel target(long local) {
        return channel("2", peer(2), 1_000_000, local, 1_000_000 - local - 3_470, 0, 0, true, 80, 75);
    }

    @Test
    void aTargetThatIsFullAfterThePaymentStopsTheRepeatsAtOnce() {
        assertTrue(RapidRepeats.withinMargin(new Pair(source(1_520_000), target(180_000)), 20_000),
                "180,000 + 20,000 reaches 200,000: no repeat, and 20,000 is the whole margin");
    }

    @Test
    void repeatsThatEndAtTheTargetBeforeTheSourcesMarginAreKept() {
        // 20,000 + 40,000 + 80,000 = 140,000 takes the target from 100,000 to 240,000 ≥ 200,000; the margin is 200,000
        assertTrue(RapidRepeats.withinMargin(new Pair(source(1_700_000), target(100_000)), 20_000));
    }

    @Test
    void repeatsThatWouldPassTheSourcesMarginFirstAreNot() {
        // the same target, a margin of 100,000: the third payment (80,000) would leave the source 40,000 below its target
        assertFalse(RapidRepeats.withinMargin(new Pair(source(1_600_000), target(100_000)), 20_000));
        // an empty target: the source's own check (remote below 25 % of capacity) ends them only past its margin
        assertFalse(RapidRepeats.withinMargin(new Pair(source(1_600_000), target(0)), 20_000));
    }
}
