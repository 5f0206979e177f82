package org.regolancer.orchestrator.check;

import java.text.ParseException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.regolancer.orchestrator.settings.Settings;

/** The zones the report and LNDg's times are read in, and when the next daily report goes out. */
final class TimeCheck {

    private final Settings settings;
    private final Clock clock;
    private final CheckReport report;

    TimeCheck(Settings settings, Clock clock, CheckReport report) {
        this.settings = settings;
        this.clock = clock;
        this.report = report;
    }

    void run() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.report().zone()));
        String zones = "report zone " + settings.report().zone().getId() + ", LNDg's zone " + settings.lndg().zone().getId();
        if (!settings.reportsEnabled()) {
            report.pass("time: " + zones + "; the daily report is off (ENABLE_DAILY_REPORT, or Telegram not configured)");
            return;
        }
        try {
            CronExpression cron = new CronExpression(settings.report().cron());
            cron.setTimeZone(TimeZone.getTimeZone(settings.report().zone()));
            Date next = cron.getNextValidTimeAfter(Date.from(now.toInstant()));
            report.pass("time: " + zones + "; next daily report " + (next == null ? "never (REPORT_CRON has no future time)"
                    : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").format(next.toInstant().atZone(settings.report().zone()))));
        } catch (ParseException e) {
            report.fail("time: REPORT_CRON cannot be read", "fix REPORT_CRON");
        }
    }
}
