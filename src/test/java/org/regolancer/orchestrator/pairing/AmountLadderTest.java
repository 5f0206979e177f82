package org.regolancer.orchestrator.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AmountLadderTest {

    @Test
    void defaultsStartAtTheInitialAmountAndTripleTwiceThenStartOver() {
        AmountLadder ladder = new AmountLadder(19532, new BigDecimal("200"), 1, 2);
        assertEquals(List.of(19532L, 58596L, 175788L, 19532L, 58596L, 175788L, 19532L),
                LongStream.range(0, 7).map(ladder::amountFor).boxed().toList());
        assertEquals(175788, ladder.highest());
    }

    @Test
    void everyRoundsHoldsEachStepForThatManyCycles() {
        AmountLadder ladder = new AmountLadder(1000, new BigDecimal("50"), 2, 1);
        assertEquals(List.of(1000L, 1000L, 1500L, 1500L, 1000L),
                LongStream.range(0, 5).map(ladder::amountFor).boxed().toList());
    }

    @Test
    void roundsDownAfterEachStep() {
        AmountLadder ladder = new AmountLadder(10001, new BigDecimal("33.3"), 1, 2);
        assertEquals(13331, ladder.amountFor(1), "10001 × 1.333 = 13331.333 → 13331");
        assertEquals(17770, ladder.amountFor(2), "13331 × 1.333 = 17770.223 → 17770, not 10001 × 1.333²");
    }

    @Test
    void zeroIncreasesKeepsTheInitialAmount() {
        AmountLadder ladder = new AmountLadder(5000, new BigDecimal("200"), 1, 0);
        assertEquals(5000, ladder.amountFor(0));
        assertEquals(5000, ladder.amountFor(99));
    }

    @Test
    void refusesANegativeCycle() {
        assertThrows(IllegalArgumentException.class, () -> new AmountLadder(1, BigDecimal.ONE, 1, 1).amountFor(-1));
    }
}
