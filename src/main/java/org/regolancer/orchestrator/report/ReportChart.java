package org.regolancer.orchestrator.report;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * The report's picture: the last 30 days, one stacked bar per day (rebalanced sats of regolancer and of LNDg's own
 * rebalancer) centred on its day's label, and the forwarded sats as a line on an axis of its own on the right; both
 * axes in round steps labelled with k and M.
 */
public final class ReportChart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");
    static final int HEIGHT = 500;

    private ReportChart() {
    }

    /** The scales of the two axes for these days: rebalanced (left) and forwarded (right). */
    static ChartScale[] scales(LocalDate lastDay, Map<LocalDate, DayFigures> days) {
        long rebalanced = 0;
        long forwarded = 0;
        for (LocalDate d = lastDay.minusDays(29); !d.isAfter(lastDay); d = d.plusDays(1)) {
            DayFigures f = ReportText.day(days, d);
            // the bars: regolancer and LNDg (LightningOS's sats, from the Python orchestrator's record, are not drawn)
            rebalanced = Math.max(rebalanced, f.oursSat() + f.lndgSat());
            forwarded = Math.max(forwarded, f.forwardSat());
        }
        return ChartScale.both(rebalanced, forwarded);
    }

    public static byte[] png(LocalDate lastDay, Map<LocalDate, DayFigures> days) throws IOException {
        return png(lastDay, days, value -> { });
    }

    /** What the chart shows, as {@link ChartProcess} hands it over: the last day, then "date ours lndg forwarded" a line. */
    static String input(LocalDate lastDay, Map<LocalDate, DayFigures> days) {
        StringBuilder text = new StringBuilder(lastDay.toString()).append('\n');
        for (LocalDate d = lastDay.minusDays(29); !d.isAfter(lastDay); d = d.plusDays(1)) {
            DayFigures f = ReportText.day(days, d);
            text.append(d).append(' ').append(f.oursSat()).append(' ').append(f.lndgSat()).append(' ')
                    .append(f.forwardSat()).append('\n');
        }
        return text.toString();
    }

    /** The days of {@link #input}, with the figures the chart draws (the others 0). */
    static Map<LocalDate, DayFigures> days(List<String> lines) {
        Map<LocalDate, DayFigures> days = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split(" ");
            if (f.length == 4) {
                LocalDate d = LocalDate.parse(f[0]);
                days.put(d, new DayFigures(d, 0, Long.parseLong(f[1]), 0, 0, Long.parseLong(f[2]), 0, true, 0,
                        Long.parseLong(f[3]), 0));
            }
        }
        return days;
    }

    /** Draws the chart of {@link #input} read from stdin as a PNG on stdout (the daemon's {@link ChartProcess}). */
    public static void main(String[] args) throws IOException {
        List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)).lines().toList();
        byte[] png = png(LocalDate.parse(lines.get(0).trim()), days(lines));
        System.out.write(png);
        System.out.flush();
    }

    /** @param ticks sees the value of every y-axis tick label XChart draws (tests check they are the round steps) */
    static byte[] png(LocalDate lastDay, Map<LocalDate, DayFigures> days, java.util.function.DoubleConsumer ticks)
            throws IOException {
        List<String> labels = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        List<Long> lndg = new ArrayList<>();
        List<Long> forwarded = new ArrayList<>();
        for (LocalDate d = lastDay.minusDays(29); !d.isAfter(lastDay); d = d.plusDays(1)) {
            DayFigures f = ReportText.day(days, d);
            labels.add(LABEL.format(d));
            ours.add(f.oursSat());
            lndg.add(f.lndgSat());
            forwarded.add(f.forwardSat());
        }
        ChartScale[] scales = scales(lastDay, days);
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(HEIGHT)
                .title("Last 30 days to " + lastDay).xAxisTitle("day").yAxisTitle("rebalanced sat").build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setXAxisLabelRotation(45);
        styler.setStacked(true);
        styler.setAvailableSpaceFill(0.7);
        styler.setYAxisMin(0, 0.0);
        styler.setYAxisMax(0, (double) scales[0].max());
        styler.setYAxisMin(1, 0.0);
        styler.setYAxisMax(1, (double) scales[1].max());
        // the plot is about 400 px high: a hint of that over the number of steps makes XChart's tick step the scale's own
        styler.setYAxisTickMarkSpacingHint((HEIGHT - 100) / scales[0].steps());
        styler.setyAxisTickLabelsFormattingFunction(value -> {
            ticks.accept(value);
            return ChartScale.label(value);
        });
        chart.addSeries("rebalanced, regolancer", labels, ours).setFillColor(new Color(0x2E, 0x7D, 0x32));
        chart.addSeries("rebalanced, LNDg AR", labels, lndg).setFillColor(new Color(0x15, 0x65, 0xC0));
        CategorySeries fwd = chart.addSeries("forwarded (right axis)", labels, forwarded);
        fwd.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        fwd.setLineColor(new Color(0xEF, 0x6C, 0x00));
        fwd.setMarkerColor(new Color(0xEF, 0x6C, 0x00));
        fwd.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "forwarded sat");
        styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
