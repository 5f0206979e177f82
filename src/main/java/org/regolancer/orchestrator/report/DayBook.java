package org.regolancer.orchestrator.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts activity into calendar days of the report's time zone (a day is local midnight to local midnight, so a
 * DST change day has 23 or 25 hours). Days in the range without activity are present and empty.
 */
public final class DayBook {

    private DayBook() {
    }

    public static Map<LocalDate, DayFigures> days(ZoneId zone, LocalDate from, LocalDate to,
            List<Activity.Rebalance> ours, List<Activity.LndgRebalance> lndg, List<Activity.Forward> forwards) {
        TreeMap<LocalDate, DayFigures> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, DayFigures.empty(d));
        }
        for (Activity.Rebalance r : ours) {
            days.computeIfPresent(r.time().atZone(zone).toLocalDate(), (d, f) -> f.plusOurs(r.amount(), r.fee()));
        }
        for (Activity.LndgRebalance r : lndg) {
            days.computeIfPresent(r.stop().atZone(zone).toLocalDate(), (d, f) -> f.plusLndg(r.value(), r.fee()));
        }
        for (Activity.Forward f : forwards) {
            days.computeIfPresent(f.time().atZone(zone).toLocalDate(),
                    (d, figures) -> figures.plusForward(f.amountOut().wholeSats(), f.fee()));
        }
        return days;
    }

    /** The first instant of a day in the zone (midnight, or the first valid time after a DST gap). */
    public static ZonedDateTime startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone);
    }
}
