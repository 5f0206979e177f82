package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * The Python original's folder as the report's history, read and never copied: its regolancer stat rows from before
 * our first payment ({@link OriginalStat}: the template's {@code stat} and {@code DATA_DIR/success-rebal.csv}) and its
 * own {@code daily-report.csv}, moved aside once ({@link OriginalDailyReport}).
 */
final class OriginalFolder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.regolancer.orchestrator");

    private final Path dataDir;
    private final ZoneId zone;
    private final ErrorLog errors;
    /** The template's {@code stat}: the original's success-rebal.csv, or null (none, or the demo). */
    private volatile Path templateStat;

    OriginalFolder(Path dataDir, ZoneId zone, ErrorLog errors) {
        this.dataDir = dataDir;
        this.zone = zone;
        this.errors = errors;
    }

    void templateStat(Path stat) {
        this.templateStat = stat;
    }

    /** True while the original's daily-report.csv is still in our history file's place. */
    boolean originalsInPlace() throws IOException {
        return OriginalDailyReport.isOriginals(dataDir.resolve(OriginalDailyReport.HISTORY));
    }

    /**
     * The original's daily-report.csv (its 5 columns) moved to daily-report-python.csv, once, said in the log; a disk
     * that refuses, or a daily-report-python.csv already there, is one errors.log line and nothing is appended to the
     * original's file (tried again before the next append).
     */
    void moveAside() {
        try {
            switch (OriginalDailyReport.moveAside(dataDir)) {
                case MOVED -> LOG.info("daily-report.csv was the Python orchestrator's (date,lndg_sats,regolancer_sats,…): "
                        + "moved to {}; its days fill the report where this daemon has none", OriginalDailyReport.MOVED);
                case MOVED_FILE_EXISTS -> errors.report(ErrorLog.Kind.REPORT, "daily-report.csv is the Python orchestrator's and "
                        + OriginalDailyReport.MOVED + " exists already: both left as they are, nothing appended to "
                        + "daily-report.csv until one of them is moved away");
                case NOTHING_TO_MOVE -> {
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.REPORT, "daily-report.csv is the Python orchestrator's and could not be moved to "
                    + OriginalDailyReport.MOVED + " (tried again before the next append)", e);
        }
    }

    /**
     * The days with the original's history added: its stat rows before our first payment as regolancer's payments of
     * their days, then its daily-report.csv where ours has no record. Bad rows and unreadable files: errors.log lines.
     */
    Map<LocalDate, DayFigures> addTo(Map<LocalDate, DayFigures> days, List<Activity.Rebalance> ours) throws IOException {
        Instant firstOurs = ours.stream().map(Activity.Rebalance::time).min(Instant::compareTo).orElse(null);
        List<Path> statFiles = new ArrayList<>();
        statFiles.add(templateStat);
        statFiles.add(dataDir.resolve(OriginalStat.FILE_NAME));
        OriginalStat.Read stat = OriginalStat.read(statFiles, firstOurs, zone);
        if (stat.malformed() > 0) {
            errors.report(ErrorLog.Kind.REPORT, stat.malformed() + " malformed rows in the Python orchestrator's "
                    + OriginalStat.FILE_NAME + " skipped");
        }
        for (String file : stat.unreadable()) {
            errors.report(ErrorLog.Kind.REPORT, "the Python orchestrator's stat file cannot be read, the report goes without it: " + file);
        }
        Map<LocalDate, DayFigures> all = new TreeMap<>(days);
        stat.days().forEach((day, f) -> all.computeIfPresent(day, (d, ourDay) -> DayFigures.sum(d, List.of(ourDay, f))));
        OriginalDailyReport.Read original = OriginalDailyReport.read(dataDir);
        if (original.malformed() > 0) {
            errors.report(ErrorLog.Kind.REPORT, original.malformed() + " malformed rows in " + original.file().getFileName() + " skipped");
        }
        LocalDate regolancerFrom = stat.firstDay();
        if (firstOurs != null) {
            LocalDate ledgerFrom = firstOurs.atZone(zone).toLocalDate();
            regolancerFrom = regolancerFrom == null || ledgerFrom.isBefore(regolancerFrom) ? ledgerFrom : regolancerFrom;
        }
        return original.days().isEmpty() ? all : OriginalDailyReport.fill(all, original.days(), regolancerFrom);
    }
}
