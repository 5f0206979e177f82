package org.regolancer.orchestrator.pairing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The amount for cycle n: {@code initial} multiplied k times by (1 + percent/100), rounding down after each
 * step, with k = floor(n / everyRounds) mod (maxIncreases + 1). Cycle 0 uses the initial amount.
 */
public final class AmountLadder {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final long initial;
    private final BigDecimal factor;
    private final long everyRounds;
    private final int maxIncreases;

    public AmountLadder(long initial, BigDecimal increasePercent, long everyRounds, int maxIncreases) {
        if (initial < 1 || increasePercent.signum() < 0 || everyRounds < 1 || maxIncreases < 0) {
            throw new IllegalArgumentException("invalid amount ladder");
        }
        this.initial = initial;
        this.factor = BigDecimal.ONE.add(increasePercent.divide(HUNDRED));
        this.everyRounds = everyRounds;
        this.maxIncreases = maxIncreases;
    }

    public long amountFor(long cycle) {
        if (cycle < 0) {
            throw new IllegalArgumentException("cycle must not be negative: " + cycle);
        }
        return rung((int) ((cycle / everyRounds) % (maxIncreases + 1L)));
    }

    /** The largest amount the ladder ever asks for. */
    public long highest() {
        return rung(maxIncreases);
    }

    private long rung(int steps) {
        BigDecimal amount = BigDecimal.valueOf(initial);
        for (int i = 0; i < steps; i++) {
            amount = amount.multiply(factor).setScale(0, RoundingMode.FLOOR);
        }
        return amount.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }
}
