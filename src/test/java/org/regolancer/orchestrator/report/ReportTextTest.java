package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
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
            jobs.add(new Activity.LndgRebalance(java.time.Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), 50_000, 400L));
        }
        jobs.add(new Activity.LndgRebalance(java.time.Instant.parse("2026-03-01T11:00:00Z"), 50_000, 30_500L));
        Map<LocalDate, DayFigures> days = DayBook.days(ZoneId.of("UTC"), DAY.minusDays(30), DAY, java.util.List.of(), jobs,
                java.util.List.of(new Activity.Forward(java.time.Instant.parse("2026-03-01T12:00:00Z"), 1_000_000, 1)));
        String text = ReportText.render(DAY, ZoneId.of("UTC"), false, false, days);
        assertTrue(text.contains("• LNDg AR: 621 × 31,050,000 sat · fees 278.5 sat · 100 %"), text);
        assertTrue(text.contains("<b>Net</b> −278.499 sat"), text);
        assertTrue(text.contains("net −278.499 sat"), "month to date: " + text);
        assertTrue(text.contains("Mar 2026: 31.1M · 1k · 278.5 · 0.001 · −278.499"), text);
    }
}
