package org.regolancer.orchestrator.report;

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

/** The report's picture: the last 30 days' rebalanced sats per engine (bars) and forwarded sats (line, right axis). */
public final class ReportChart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");

    private ReportChart() {
    }

    public static byte[] png(LocalDate lastDay, Map<LocalDate, DayFigures> days) throws IOException {
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
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
                .title("Last 30 days to " + lastDay).xAxisTitle("day").yAxisTitle("sat").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setStacked(false);
        chart.addSeries("rebalanced, regolancer", labels, ours);
        chart.addSeries("rebalanced, LNDg AR", labels, lndg);
        CategorySeries fwd = chart.addSeries("forwarded", labels, forwarded);
        fwd.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        fwd.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "forwarded sat");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
