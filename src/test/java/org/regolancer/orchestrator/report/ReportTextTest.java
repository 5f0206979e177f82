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
}
