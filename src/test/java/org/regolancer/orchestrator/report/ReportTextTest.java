package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void staysWithinTelegramsLimitEvenWithHugeFigures() {
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        for (LocalDate d = DAY.minusDays(400); !d.isAfter(DAY); d = d.plusDays(1)) {
            days.put(d, new DayFigures(d, 999_999, Long.MAX_VALUE / 1_000_000, 999_999_999_999L, 999_999,
                    Long.MAX_VALUE / 1_000_000, 999_999_999, true, 999_999, Long.MAX_VALUE / 1_000_000, 999_999_999_999L));
        }
        String text = ReportText.render(DAY, ZoneId.of("America/Argentina/ComodRivadavia"), true, false, days);
        assertTrue(text.length() <= ReportText.TELEGRAM_LIMIT, "length " + text.length());
        // and with LightningOS's sats beside them (the Python orchestrator's record), every engine in every line
        days.replaceAll((d, f) -> new DayFigures(d, f.oursCount(), f.oursSat(), f.oursFeeMsat(), f.lndgCount(), f.lndgSat(),
                f.lndgFeeMsat(), true, f.forwardCount(), f.forwardSat(), f.forwardFeeMsat(), Long.MAX_VALUE / 1_000_000));
        text = ReportText.render(DAY, ZoneId.of("America/Argentina/ComodRivadavia"), true, false, days);
        assertTrue(text.length() <= ReportText.TELEGRAM_LIMIT, "length " + text.length());
        assertTrue(text.contains("Feb 2026: "), "the month lines still fit: " + text);
    }

    @Test
    void theMonthAndEachOfTheTwelveMonthsSplitTheSatsByEngine() {
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        // March so far: ours 300k in 3 payments, LNDg 100k; January: LNDg alone; May 2025: the Python orchestrator's
        // record (regolancer 60k without a count, LightningOS 40k); February: nothing
        days.put(DAY, new DayFigures(DAY, 3, 300_000, 3_000, 1, 100_000, 500, true, 0, 0, 0));
        days.put(LocalDate.of(2026, 1, 15), new DayFigures(LocalDate.of(2026, 1, 15), 0, 0, 0, 2, 250_000, 900, true, 0, 0, 0));
        LocalDate may = LocalDate.of(2025, 5, 20);
        days.put(may, new DayFigures(may, 0, 60_000, 0, 0, 0, 0, false, 0, 0, 0, 40_000));
        String text = ReportText.render(DAY, ZoneId.of("UTC"), false, false, days);
        assertTrue(text.contains("<b>Month to date</b> (1–1 Mar): rebalanced 400k · forwarded 0 · net −3.5 sat\n"
                + "by engine: regolancer 300k (75 %), LNDg 100k (25 %)\n"), text);
        assertTrue(text.endsWith("\nMar 2026: 400k · 0 · 3.5 · 0 · −3.5 — regolancer 300k (75 %), LNDg 100k (25 %)"), text);
        assertTrue(text.contains("\nJan 2026: 250k · 0 · 0.9 · 0 · −0.9 — regolancer 0 (0 %), LNDg 250k (100 %)\n"), text);
        assertTrue(text.contains("\nMay 2025: 100k · 0 · 0 · 0 · 0 — regolancer 60k (60 %), LNDg 0 (0 %), LOS 40k (40 %)\n"), text);
        assertTrue(text.contains("\nFeb 2026: 0 · 0 · 0 · 0 · 0\n"), "nothing moved, nothing to split: " + text);
        assertFalse(text.contains("• LightningOS"), "the day had none");

        String mayReport = ReportText.render(may, ZoneId.of("UTC"), false, true, days);
        assertTrue(mayReport.contains("• regolancer: 60,000 sat · fees 0 sat"), "no count where none is known: " + mayReport);
        assertTrue(mayReport.contains("• LightningOS: 40,000 sat · 40 %"), mayReport);
        assertTrue(mayReport.contains("by engine: regolancer 60k (60 %), LNDg 0 (0 %), LOS 40k (40 %)"), mayReport);
    }

    @Test
    void namesTheDayZoneLateAndEveryMonthOnce() {
        String text = ReportText.render(DAY, ZoneId.of("Europe/Berlin"), true, true, Map.of());
        assertTrue(text.startsWith("📊 <b>Rebalancing report, Sun 1 Mar 2026</b> ⏰ <i>late"), text);
        assertTrue(text.contains("Europe/Berlin, whole day"));
        assertEquals(1, text.split("Feb 2026:", -1).length - 1);
        assertTrue(text.contains("Apr 2025:") && text.contains("Mar 2026:") && !text.contains("Mar 2025:"));
        assertFalse(text.contains("<script"));
    }

    @Test
    void feesAndNetUnder1000SatShowUpTo3DecimalsAndLargerOnesWholeSats() {
        assertEquals("47.245", ReportText.feeSat(47_245));
        assertEquals("0.4", ReportText.feeSat(400));
        assertEquals("0.001", ReportText.feeSat(1));
        assertEquals("0", ReportText.feeSat(0));
        assertEquals("999.999", ReportText.feeSat(999_999));
        assertEquals("1,000", ReportText.feeSat(1_000_499), "whole sats from 1,000");
        assertEquals("1,235", ReportText.feeSat(1_234_567));
        assertEquals("−384", ReportText.feeSat(-384_000));
        assertEquals("+0.25", ReportText.signedSat(250));
        assertEquals("405.8", ReportText.feeCompact(405_800));
        assertEquals("12.3k", ReportText.feeCompact(12_345_000));
        assertEquals("−138.4", ReportText.signedFeeCompact(-138_400));
        assertEquals("+1.2k", ReportText.signedFeeCompact(1_234_000));
    }

    @Test
    void lndgsFeesOfManySmallRebalancesAddUpToTheMsat() {
        // an LNDg that made 620 rebalances of 0.4 sat each today: 248 sat, not 620 × round(0.4) = 0
        java.util.List<Activity.LndgRebalance> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 620; i++) {
            jobs.add(new Activity.LndgRebalance(java.time.Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), Sat.of(50_000), Msat.of(400)));
        }
        jobs.add(new Activity.LndgRebalance(java.time.Instant.parse("2026-03-01T11:00:00Z"), Sat.of(50_000), Msat.of(30_500)));
        Map<LocalDate, DayFigures> days = DayBook.days(ZoneId.of("UTC"), DAY.minusDays(30), DAY, java.util.List.of(), jobs,
                java.util.List.of(new Activity.Forward(java.time.Instant.parse("2026-03-01T12:00:00Z"), Msat.of(1_000_000), Msat.of(1))));
        String text = ReportText.render(DAY, ZoneId.of("UTC"), false, false, days);
        assertTrue(text.contains("• LNDg AR: 621 × 31,050,000 sat · fees 278.5 sat · 100 %"), text);
        assertTrue(text.contains("<b>Net</b> −278.499 sat"), text);
        assertTrue(text.contains("net −278.499 sat"), "month to date: " + text);
        assertTrue(text.contains("Mar 2026: 31.1M · 1k · 278.5 · 0.001 · −278.499"), text);
    }
}
