package org.regolancer.orchestrator.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The report's comparisons: signed % changes, averages, month to date against the previous month, 12 months. */
public final class Comparisons {

    private Comparisons() {
    }

    /** Signed change from {@code before} to {@code now} in percent; empty when there is nothing to compare with. */
    public static OptionalDouble percentChange(double now, double before) {
        if (before == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((now - before) * 100.0 / Math.abs(before));
    }

    /** The days of the previous month that match the month so far: 1 … min(day of month, that month's length). */
    public static List<LocalDate> sameDaysOfPreviousMonth(LocalDate date) {
        YearMonth previous = YearMonth.from(date).minusMonths(1);
        int last = Math.min(date.getDayOfMonth(), previous.lengthOfMonth());
        List<LocalDate> days = new ArrayList<>();
        for (int d = 1; d <= last; d++) {
            days.add(previous.atDay(d));
        }
        return days;
    }

    /** The month so far: the 1st … the date. */
    public static List<LocalDate> monthToDate(LocalDate date) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = date.withDayOfMonth(1); !d.isAfter(date); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** The last 12 calendar months including the date's own, oldest first. */
    public static List<YearMonth> lastTwelveMonths(LocalDate date) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth current = YearMonth.from(date);
        for (int i = 11; i >= 0; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    /** The n days before the date (not including it), oldest first. */
    public static List<LocalDate> daysBefore(LocalDate date, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            days.add(date.minusDays(i));
        }
        return days;
    }
}
