package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReportCronTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theFireTimeOfADayIsInTheReportsZoneAndNoneOnADayTheCronSkips() {
        ReportCron mondays = new ReportCron("0 30 8 ? * MON", BERLIN);
        assertEquals(ZonedDateTime.of(2026, 11, 23, 8, 30, 0, 0, BERLIN), mondays.fireTimeOn(LocalDate.of(2026, 11, 23)));
        assertNull(mondays.fireTimeOn(LocalDate.of(2026, 11, 24)), "a Tuesday");
        assertNull(new ReportCron("not a cron", BERLIN).fireTimeOn(LocalDate.of(2026, 11, 23)));
    }

    @Test
    void theLastFiredDayIsTodayOnceTodaysTimePassedElseYesterday() {
        ReportCron nightly = new ReportCron("0 59 23 * * ?", BERLIN);
        assertEquals(LocalDate.of(2026, 11, 24), nightly.lastFiredDay(ZonedDateTime.of(2026, 11, 25, 23, 58, 0, 0, BERLIN)));
        assertEquals(LocalDate.of(2026, 11, 25), nightly.lastFiredDay(ZonedDateTime.of(2026, 11, 25, 23, 59, 30, 0, BERLIN)));
        ReportCron mondays = new ReportCron("0 30 8 ? * MON", BERLIN);
        assertNull(mondays.lastFiredDay(ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, BERLIN)), "neither today nor yesterday");
    }
}
