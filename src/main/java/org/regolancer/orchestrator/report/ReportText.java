package org.regolancer.orchestrator.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.regolancer.orchestrator.telegram.TelegramHtml;

/**
 * The daily report as Telegram HTML: today, comparisons, month to date, the last 12 calendar months; the sats each
 * engine rebalanced, with its share, for the day, the month and each of the 12 months.
 */
public final class ReportText {

    public static final int TELEGRAM_LIMIT = 4096;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private ReportText() {
    }

    /**
     * @param days every day known, the report's day included (complete or so far); missing days count as empty
     * @param dayComplete false when the report's day is still going (the 23:59 report)
     */
    public static String render(LocalDate date, ZoneId zone, boolean late, boolean dayComplete,
            Map<LocalDate, DayFigures> days) {
        return render(date, zone, late, dayComplete, days, null);
    }

    /** @param channels each refilled channel's books over the window (the Channels block), or null for none */
    public static String render(LocalDate date, ZoneId zone, boolean late, boolean dayComplete,
            Map<LocalDate, DayFigures> days, ChannelsBlock.View channels) {
        DayFigures today = day(days, date);
        StringBuilder out = new StringBuilder();
        out.append("📊 <b>Rebalancing report, ").append(DAY.format(date)).append("</b>");
        if (late) {
            out.append(" ⏰ <i>late: the daemon was not running at report time</i>");
        }
        out.append('\n').append(TelegramHtml.escape(zone.getId())).append(dayComplete ? ", whole day" : ", day so far").append("\n\n");

        out.append("<b>Rebalanced</b> ").append(TelegramHtml.sats(today.rebalancedSat())).append(" sat in ")
                .append(org.regolancer.orchestrator.ops.Words.count(today.rebalanceCount(), "payment")).append(", fees ").append(feeSat(today.rebalanceFeeMsat()))
                .append(" sat\n");
        out.append("• regolancer: ").append(times(today.oursCount(), today.oursSat()))
                .append(" sat · fees ").append(feeSat(today.oursFeeMsat())).append(" sat · ")
                .append(today.oursAveragePpm()).append(" ppm · ").append(today.oursSharePercent()).append(" %\n");
        out.append("• LNDg AR: ").append(times(today.lndgCount(), today.lndgSat()))
                .append(" sat · fees ").append(today.lndgFeesKnown() ? feeSat(today.lndgFeeMsat()) + " sat" : "not reported")
                .append(" · ").append(today.lndgSharePercent()).append(" %\n");
        if (today.losSat() > 0) {
            out.append("• LightningOS: ").append(TelegramHtml.sats(today.losSat())).append(" sat · ")
                    .append(today.losSharePercent()).append(" % (the Python orchestrator's record)\n");
        }
        out.append("<b>Forwarded</b> ").append(TelegramHtml.sats(today.forwardSat())).append(" sat in ").append(today.forwardCount())
                .append(" forwards, earned ").append(feeSat(today.forwardFeeMsat())).append(" sat\n");
        out.append("<b>Net</b> ").append(signedSat(today.netMsat())).append(" sat (earned − rebalancing fees)\n\n");

        out.append("<b>Compared with</b> (rebalanced · forwarded · net)\n");
        out.append("yesterday: ").append(changes(today, day(days, date.minusDays(1)))).append('\n');
        out.append("7-day avg: ").append(changes(today, average(days, Comparisons.daysBefore(date, 7)))).append('\n');
        out.append("30-day avg: ").append(changes(today, average(days, Comparisons.daysBefore(date, 30)))).append("\n\n");

        List<LocalDate> mtd = Comparisons.monthToDate(date);
        List<LocalDate> previous = Comparisons.sameDaysOfPreviousMonth(date);
        DayFigures monthSoFar = DayFigures.sum(date, pick(days, mtd));
        DayFigures previousSameDays = DayFigures.sum(date, pick(days, previous));
        out.append("<b>Month to date</b> (").append(range(mtd)).append("): rebalanced ")
                .append(compact(monthSoFar.rebalancedSat())).append(" · forwarded ").append(compact(monthSoFar.forwardSat()))
                .append(" · net ").append(signedFeeCompact(monthSoFar.netMsat())).append(" sat\n");
        if (monthSoFar.rebalancedSat() > 0) {
            out.append("by engine: ").append(engines(monthSoFar)).append('\n');
        }
        out.append("vs ").append(range(previous)).append(": ").append(changes(monthSoFar, previousSameDays)).append("\n\n");

        out.append("<b>Last 12 months</b> (rebalanced · forwarded · fees paid · earned · net, sat — rebalanced by engine)\n");
        List<String> monthLines = new ArrayList<>();
        for (YearMonth month : Comparisons.lastTwelveMonths(date)) {
            List<LocalDate> monthDays = new ArrayList<>();
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && !d.isAfter(date); d = d.plusDays(1)) {
                monthDays.add(d);
            }
            DayFigures m = DayFigures.sum(month.atDay(1), pick(days, monthDays));
            monthLines.add(MONTH.format(month) + ": " + compact(m.rebalancedSat()) + " · " + compact(m.forwardSat()) + " · "
                    + feeCompact(m.rebalanceFeeMsat()) + " · " + feeCompact(m.forwardFeeMsat()) + " · "
                    + signedFeeCompact(m.netMsat()) + (m.rebalancedSat() > 0 ? " — " + engines(m) : ""));
        }
        for (String line : monthLines) {
            if (out.length() + line.length() + 1 > TELEGRAM_LIMIT) {
                break;
            }
            out.append(line).append('\n');
        }
        if (channels != null) {
            String block = ChannelsBlock.render(channels, TELEGRAM_LIMIT - out.length() - 1);
            if (!block.isEmpty()) {
                out.append('\n').append(block);
            }
        }
        return out.toString().stripTrailing();
    }

    static DayFigures day(Map<LocalDate, DayFigures> days, LocalDate date) {
        return days.getOrDefault(date, DayFigures.empty(date));
    }

    private static List<DayFigures> pick(Map<LocalDate, DayFigures> days, List<LocalDate> dates) {
        return dates.stream().map(d -> day(days, d)).toList();
    }

    /** The average day over the dates, as figures (rounded down). */
    static DayFigures average(Map<LocalDate, DayFigures> days, List<LocalDate> dates) {
        DayFigures sum = DayFigures.sum(dates.get(0), pick(days, dates));
        int n = dates.size();
        return new DayFigures(sum.date(), sum.oursCount() / n, sum.oursSat() / n, sum.oursFeeMsat() / n,
                sum.lndgCount() / n, sum.lndgSat() / n, sum.lndgFeeMsat() / n, sum.lndgFeesKnown(), sum.forwardCount() / n,
                sum.forwardSat() / n, sum.forwardFeeMsat() / n, sum.losSat() / n);
    }

    /** "regolancer 800k (67 %), LNDg 400k (33 %)", and LightningOS's where it moved sats: each engine's sats and share. */
    static String engines(DayFigures f) {
        String text = "regolancer " + compact(f.oursSat()) + " (" + f.oursSharePercent() + " %), LNDg " + compact(f.lndgSat())
                + " (" + f.lndgSharePercent() + " %)";
        return f.losSat() > 0 ? text + ", LOS " + compact(f.losSat()) + " (" + f.losSharePercent() + " %)" : text;
    }

    /** "2 × 150,000", or "150,000" where the count is not known (sats from the Python orchestrator's record). */
    private static String times(long count, long sats) {
        return count == 0 && sats > 0 ? TelegramHtml.sats(sats) : count + " × " + TelegramHtml.sats(sats);
    }

    private static String changes(DayFigures now, DayFigures before) {
        return change(now, before, DayFigures::rebalancedSat) + " · " + change(now, before, DayFigures::forwardSat) + " · "
                + change(now, before, DayFigures::netMsat);
    }

    private static String change(DayFigures now, DayFigures before, ToDoubleFunction<DayFigures> figure) {
        OptionalDouble pct = Comparisons.percentChange(figure.applyAsDouble(now), figure.applyAsDouble(before));
        return pct.isPresent() ? signedPercent(pct.getAsDouble()) : "n/a";
    }

    /** +12.5 %, −4 %, 0 %: one decimal at most, a real minus sign. */
    static String signedPercent(double pct) {
        String number = BigDecimal.valueOf(Math.abs(pct)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        String sign = number.equals("0") ? "" : pct > 0 ? "+" : "−";
        return sign + number + " %";
    }

    private static String range(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return "no days";
        }
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        return first.getDayOfMonth() + "–" + last.getDayOfMonth() + " " + first.getMonth().getDisplayName(
                java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    }


    /** A fee or net in sats: under 1,000 sat with up to 3 decimals (47.245, 0.4), from 1,000 whole (1,235). */
    static String feeSat(long msat) {
        String sign = msat < 0 ? "−" : "";
        long abs = Math.abs(msat);
        if (abs < 1_000_000) {
            return sign + BigDecimal.valueOf(abs, 3).stripTrailingZeros().toPlainString();
        }
        return sign + TelegramHtml.sats(BigDecimal.valueOf(abs, 3).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    static String signedSat(long msat) {
        return (msat > 0 ? "+" : "") + feeSat(msat);
    }

    /** A fee or net in a short line: under 1,000 sat with up to 3 decimals, from 1,000 as 1.2k, 4.5M. */
    static String feeCompact(long msat) {
        if (Math.abs(msat) < 1_000_000) {
            return feeSat(msat);
        }
        return compact(BigDecimal.valueOf(msat, 3).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    static String signedFeeCompact(long msat) {
        return (msat > 0 ? "+" : "") + feeCompact(msat);
    }

    /** 950 → 950, 12_345 → 12.3k, 4_500_000 → 4.5M, 2_000_000_000 → 2B. */
    static String compact(long value) {
        long abs = Math.abs(value);
        String sign = value < 0 ? "−" : "";
        if (abs < 1_000) {
            return sign + abs;
        }
        String[] units = {"k", "M", "B"};
        double scaled = abs;
        int unit = -1;
        while (scaled >= 1_000 && unit < units.length - 1) {
            scaled /= 1_000;
            unit++;
        }
        return sign + BigDecimal.valueOf(scaled).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + units[unit];
    }

}
