package org.regolancer.orchestrator.settings;

import java.nio.file.Path;
import java.time.ZoneId;

/** The daily report's settings, and those that let an operator watch the daemon (JMX, management, readiness). */
final class ReportMonitoringReads {

    private ReportMonitoringReads() {
    }

    static Settings.Report report(SettingReader in) {
        boolean enableDaily = in.bool("ENABLE_DAILY_REPORT");
        String cron = in.text("REPORT_CRON");
        if (!org.quartz.CronExpression.isValidExpression(cron)) {
            throw new SettingsException("REPORT_CRON=" + cron + " is invalid; accepted: a Quartz cron expression "
                    + "(seconds minutes hours day-of-month month day-of-week), e.g. 0 59 23 * * ?");
        }
        return new Settings.Report(enableDaily, cron, in.zone("REPORT_TIMEZONE", ZoneId.systemDefault()));
    }

    static Settings.Monitoring monitoring(SettingReader in) {
        int jmxPort = (int) in.number("JMX_PORT", 0, 65_535);
        // whether the file is fit for use is judged where remote JMX starts (and by check): a bad one costs remote JMX only
        Path jmxPasswordFile = in.text("JMX_PASSWORD_FILE").isEmpty() ? null : in.path("JMX_PASSWORD_FILE");
        int managementPort = (int) in.number("MANAGEMENT_PORT", 0, 65_535);
        long readyMaxCycleAge = in.number("READY_MAX_CYCLE_AGE_SECONDS", 0, 604_800);
        long readyMaxLndgFailures = in.number("READY_MAX_LNDG_FAILURES", 1, 1_000_000);
        return new Settings.Monitoring(jmxPort, jmxPasswordFile, managementPort, readyMaxCycleAge, readyMaxLndgFailures);
    }
}
