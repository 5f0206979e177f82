package org.regolancer.orchestrator.report;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** When REPORT_CRON fires, in the report's zone (REPORT_TIMEZONE), as Quartz reads the expression. */
final class ReportCron {

    private final String cron;
    private final ZoneId zone;

    ReportCron(String cron, ZoneId zone) {
        this.cron = cron;
        this.zone = zone;
    }

    /** When the cron fires on that day, or null when it does not. */
    ZonedDateTime fireTimeOn(LocalDate day) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            ZonedDateTime start = DayBook.startOf(day, zone);
            Date next = expression.getNextValidTimeAfter(Date.from(start.toInstant().minusMillis(1)));
            if (next == null) {
                return null;
            }
            ZonedDateTime fire = next.toInstant().atZone(zone);
            return fire.toLocalDate().equals(day) ? fire : null;
        } catch (ParseException e) {
            return null;
        }
    }

    /** The day, today or yesterday, whose report time passed last before {@code now}; null when neither's did. */
    LocalDate lastFiredDay(ZonedDateTime now) {
        for (LocalDate day : List.of(now.toLocalDate(), now.toLocalDate().minusDays(1))) {
            ZonedDateTime fire = fireTimeOn(day);
            if (fire != null && fire.isBefore(now)) {
                return day;
            }
        }
        return null;
    }
}
