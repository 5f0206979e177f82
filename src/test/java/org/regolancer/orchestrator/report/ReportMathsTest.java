package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.junit.jupiter.api.Test;

class ReportMathsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Activity.Rebalance ours(String instant, long sat, long feeMsat) {
        return new Activity.Rebalance(Instant.parse(instant), Sat.of(sat), Msat.of(feeMsat));
    }

    @Test
    void daysAreLocalMidnightToMidnightInTheReportZone() {
        // 22:30 UTC on 24 Nov is 23:30 in Berlin (24 Nov); 23:30 UTC is 00:30 on 25 Nov in Berlin
        Map<LocalDate, DayFigures> days = DayBook.days(BERLIN, LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25),
                List.of(ours("2026-11-24T22:30:00Z", 100, 10), ours("2026-11-24T23:30:00Z", 200, 20)), List.of(), List.of());
        assertEquals(100, days.get(LocalDate.of(2026, 11, 24)).oursSat());
        assertEquals(200, days.get(LocalDate.of(2026, 11, 25)).oursSat());
    }

    @Test
    void dstChangeDaysHave23And25Hours() {
        LocalDate spring = LocalDate.of(2026, 3, 29);
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        assertEquals(Duration.ofHours(23), Duration.between(DayBook.startOf(spring, BERLIN), DayBook.startOf(spring.plusDays(1), BERLIN)));
        assertEquals(Duration.ofHours(25), Duration.between(DayBook.startOf(autumn, BERLIN), DayBook.startOf(autumn.plusDays(1), BERLIN)));
        // 22:30 UTC on 25 Oct is 23:30 CET, still the 25th; on 28 Mar 22:30 UTC is 23:30 CET, still the 28th
        Map<LocalDate, DayFigures> days = DayBook.days(BERLIN, LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29),
                List.of(ours("2026-03-28T22:30:00Z", 1, 0), ours("2026-03-29T22:30:00Z", 2, 0)), List.of(), List.of());
        assertEquals(1, days.get(LocalDate.of(2026, 3, 28)).oursSat());
        assertEquals(0, days.get(LocalDate.of(2026, 3, 29)).oursSat(), "22:30 UTC on 29 Mar is 00:30 CEST on the 30th");
    }

    @Test
    void emptyDaysArePresentAndZero() {
        Map<LocalDate, DayFigures> days = DayBook.days(BERLIN, LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2),
                List.of(), List.of(), List.of());
        assertEquals(4, days.size(), "year rollover included");
        DayFigures empty = days.get(LocalDate.of(2027, 1, 1));
        assertEquals(0, empty.rebalancedSat());
        assertEquals(0, empty.oursSharePercent());
        assertEquals(0, empty.oursAveragePpm());
        assertEquals(0, empty.netMsat());
    }

    @Test
    void figuresPerEngineSharesNetAndPpm() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        Map<LocalDate, DayFigures> days = DayBook.days(ZoneId.of("UTC"), day, day,
                List.of(ours("2026-11-25T01:00:00Z", 100_000, 90_000), ours("2026-11-25T02:00:00Z", 50_000, 25_000)),
                List.of(new Activity.LndgRebalance(Instant.parse("2026-11-25T03:00:00Z"), Sat.of(200_000), Msat.of(150_000))),
                List.of(new Activity.Forward(Instant.parse("2026-11-25T04:00:00Z"), Msat.of(1_000_000_000), Msat.of(1_500))));
        DayFigures f = days.get(day);
        assertEquals(150_000, f.oursSat());
        assertEquals(767, f.oursAveragePpm(), "115 sat on 150,000 sat");
        assertEquals(350_000, f.rebalancedSat());
        assertEquals(43, f.oursSharePercent());
        assertEquals(57, f.lndgSharePercent());
        assertEquals(1_000_000, f.forwardSat());
        assertEquals(1_500 - 115_000 - 150_000, f.netMsat());
    }

    @Test
    void lndgFeesUnknownOnOlderVersionsAreMarked() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        DayFigures f = DayBook.days(ZoneId.of("UTC"), day, day, List.of(),
                List.of(new Activity.LndgRebalance(Instant.parse("2026-11-25T03:00:00Z"), Sat.of(200_000), null)), List.of()).get(day);
        assertEquals(false, f.lndgFeesKnown());
        assertEquals(200_000, f.lndgSat());
    }

    @Test
    void twelveCalendarMonthsFromTheFirstOfMarchHoldFebruaryOnce() {
        List<YearMonth> months = Comparisons.lastTwelveMonths(LocalDate.of(2026, 3, 1));
        assertEquals(12, months.size());
        assertEquals(YearMonth.of(2025, 4), months.get(0));
        assertEquals(YearMonth.of(2026, 3), months.get(11));
        assertEquals(1, months.stream().filter(m -> m.getMonthValue() == 2).count());
        assertEquals(12, months.stream().distinct().count());
    }

    @Test
    void monthToDateComparesWithTheSameDaysOfThePreviousMonthClamped() {
        assertEquals(31, Comparisons.monthToDate(LocalDate.of(2026, 3, 31)).size());
        List<LocalDate> february = Comparisons.sameDaysOfPreviousMonth(LocalDate.of(2026, 3, 31));
        assertEquals(28, february.size(), "clamped to February's length");
        assertEquals(LocalDate.of(2026, 2, 28), february.get(27));
        assertEquals(LocalDate.of(2025, 12, 15), Comparisons.sameDaysOfPreviousMonth(LocalDate.of(2026, 1, 15)).get(14),
                "year rollover");
        assertEquals(29, Comparisons.sameDaysOfPreviousMonth(LocalDate.of(2028, 3, 30)).size(), "leap year");
    }

    @Test
    void signedPercentChangesAndNothingToCompareWith() {
        assertEquals(OptionalDouble.of(250.0), Comparisons.percentChange(350, 100));
        assertEquals(OptionalDouble.of(-50.0), Comparisons.percentChange(50, 100));
        assertEquals(OptionalDouble.of(200.0), Comparisons.percentChange(100, -100), "against a negative net");
        assertTrue(Comparisons.percentChange(5, 0).isEmpty());
        assertEquals("+250 %", ReportText.signedPercent(250.0));
        assertEquals("−12.5 %", ReportText.signedPercent(-12.5));
        assertEquals("0 %", ReportText.signedPercent(0.0));
    }

    @Test
    void compactNumbers() {
        assertEquals("950", ReportText.compact(950));
        assertEquals("12.3k", ReportText.compact(12_345));
        assertEquals("4.5M", ReportText.compact(4_500_000));
        assertEquals("−2B", ReportText.compact(-2_000_000_000));
    }
}
