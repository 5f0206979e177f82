package org.regolancer.orchestrator.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A chart axis from 0 in 3 to 5 round steps of sats (1, 2 or 5 × a power of ten: the steps XChart itself picks, so
 * its ticks fall on them), so 4 to 6 ticks, labelled with k and M ({@code 100k}, {@code 6.2M}) rather than
 * {@code 3.12512E5}.
 */
public record ChartScale(long max, long step) {

    private static final long[] MANTISSAS = {1, 2, 5};

    /** The smallest round step that covers {@code highest} in {@code steps} steps. */
    public static ChartScale covering(long highest, int steps) {
        long top = Math.max(highest, 1);
        for (long power = 1; ; power *= 10) {
            for (long mantissa : MANTISSAS) {
                long step = mantissa * power;
                if (step * steps >= top) {
                    return new ChartScale(step * steps, step);
                }
            }
        }
    }

    /**
     * Two axes beside each other (XChart draws every axis with the same number of steps): the number of steps, 3 to 5,
     * that leaves the least of either axis empty above its highest value.
     */
    public static ChartScale[] both(long left, long right) {
        ChartScale[] best = null;
        double bestFill = -1;
        for (int steps = 3; steps <= 5; steps++) {
            ChartScale[] scales = {covering(left, steps), covering(right, steps)};
            double fill = Math.min(fill(left, scales[0]), fill(right, scales[1]));
            if (fill >= bestFill) {
                best = scales;
                bestFill = fill;
            }
        }
        return best;
    }

    private static double fill(long highest, ChartScale scale) {
        return highest <= 0 ? 1 : (double) highest / scale.max();
    }

    public int steps() {
        return (int) (max / step);
    }

    public int ticks() {
        return steps() + 1;
    }

    /** 0, 250, 2.5k, 100k, 1.25M, 6.2M. */
    public static String label(double sats) {
        double abs = Math.abs(sats);
        String sign = sats < 0 ? "−" : "";
        if (abs < 1_000) {
            return sign + plain(abs);
        }
        if (abs < 1_000_000) {
            return sign + plain(abs / 1_000) + "k";
        }
        return sign + plain(abs / 1_000_000) + "M";
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
