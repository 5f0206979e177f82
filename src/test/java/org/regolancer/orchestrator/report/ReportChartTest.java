package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReportChartTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void axesGoFromZeroInThreeToFiveRoundSteps() {
        assertEquals(new ChartScale(500_000, 100_000), ChartScale.covering(312_512, 5), "the demo's 3.12512E5");
        assertEquals(new ChartScale(400_000, 100_000), ChartScale.covering(312_512, 4));
        assertEquals(new ChartScale(10_000_000, 2_000_000), ChartScale.covering(6_200_000, 5));
        assertEquals(new ChartScale(1_000_000, 200_000), ChartScale.covering(1_000_000, 5), "exactly at the top");
        assertEquals(new ChartScale(5, 1), ChartScale.covering(0, 5), "an empty month still has an axis");
        for (long left = 1; left < 100_000_000_000L; left = left * 3 + 7) {
            for (long right : new long[] {0, left / 7, left, left * 13}) {
                ChartScale[] scales = ChartScale.both(left, right);
                assertEquals(scales[0].ticks(), scales[1].ticks(), "one number of steps for both axes");
                assertTrue(scales[0].ticks() >= 4 && scales[0].ticks() <= 6, scales[0].toString());
                for (ChartScale scale : scales) {
                    String mantissa = Long.toString(scale.step()).replaceAll("0+$", "");
                    assertTrue(Set.of("1", "2", "5").contains(mantissa), "a round step: " + scale);
                }
                assertTrue(scales[0].max() >= left && scales[1].max() >= right);
                assertTrue(left < 10 || scales[0].max() * 2 <= left * 5, left + " in " + scales[0] + ": at most 2.5 × as high");
            }
        }
        ChartScale[] demo = ChartScale.both(1_760_000, 12_050_000);
        assertEquals(new ChartScale(2_000_000, 500_000), demo[0], "4 steps fill both axes best");
        assertEquals(new ChartScale(20_000_000, 5_000_000), demo[1]);
    }

    @Test
    void labelsUseKAndM() {
        assertEquals("0", ChartScale.label(0));
        assertEquals("250", ChartScale.label(250));
        assertEquals("100k", ChartScale.label(100_000));
        assertEquals("2.5k", ChartScale.label(2_500));
        assertEquals("6.2M", ChartScale.label(6_200_000));
        assertEquals("1.25M", ChartScale.label(1_250_000));
        assertEquals("20000M", ChartScale.label(20_000_000_000.0));
    }

    @Test
    void theDrawnTicksAreTheScalesRoundStepsOnBothAxes() throws Exception {
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            LocalDate d = DAY.minusDays(i);
            days.put(d, new DayFigures(d, 1, 100_000L + i * 7_000L, 100, 2, 200_000L + i * 1_234L, 500, true, 30,
                    3_000_000L + i * 101_000L, 4_000));
        }
        ChartScale[] scales = ReportChart.scales(DAY, days);
        assertEquals(new ChartScale(600_000, 200_000), scales[0], "rebalanced at most 538,786 sat");
        assertEquals(new ChartScale(6_000_000, 2_000_000), scales[1], "forwarded at most 5,929,000 sat");
        List<Double> formatted = new ArrayList<>();
        byte[] png = ReportChart.png(DAY, days, formatted::add);
        assertEquals((byte) 0x89, png[0]);
        // XChart formats each axis's candidate ticks, one step below and above its range included: runs of equal steps
        Set<Double> drawn = new TreeSet<>();
        for (int i = 0; i + 2 < formatted.size(); i++) {
            double step = formatted.get(i + 1) - formatted.get(i);
            if (step > 0 && formatted.get(i + 2) - formatted.get(i + 1) == step) {
                for (ChartScale scale : scales) {
                    if (step == scale.step()) {
                        for (int j = i; j < formatted.size() && formatted.get(j) == formatted.get(i) + (j - i) * step; j++) {
                            if (formatted.get(j) >= 0 && formatted.get(j) <= scale.max()) {
                                drawn.add(formatted.get(j));
                            }
                        }
                    }
                }
            }
        }
        Set<Double> steps = new TreeSet<>();
        for (int i = 0; i + 1 < formatted.size(); i++) {
            double step = formatted.get(i + 1) - formatted.get(i);
            if (step > 0 && i + 2 < formatted.size() && formatted.get(i + 2) - formatted.get(i + 1) == step) {
                steps.add(step);
            }
        }
        assertEquals(Set.of(200_000.0, 2_000_000.0), steps, "XChart stepped as the scales do: " + formatted);
        Set<Double> expected = new TreeSet<>();
        for (ChartScale scale : scales) {
            for (long tick = 0; tick <= scale.max(); tick += scale.step()) {
                expected.add((double) tick);
            }
        }
        assertEquals(expected, drawn, "0, 200k, 400k, 600k on the left, 0, 2M, 4M, 6M on the right");
    }
}
