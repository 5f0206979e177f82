package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * Builds a day's report from our ledger ({@code rebalances.csv}), LNDg and the history file
 * ({@code daily-report.csv}), back-filling the history's missing completed days of the last {@value #BACKFILL_DAYS};
 * the Python original's folder is read too, never copied ({@link OriginalFolder}). What cannot be read or written costs
 * an errors.log line and the report goes out without it.
 */
final class ReportBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.regolancer.orchestrator");
    static final int BACKFILL_DAYS = 365;

    private final ZoneId zone;
    private final ActivitySource lndg;
    private final Path ledger;
    private final HistoryFile history;
    private final ErrorLog errors;
    private final ChartDrawer chart;
    private final OriginalFolder original;
    private volatile Supplier<ChannelsBlock.View> channels;

    ReportBuilder(ZoneId zone, ActivitySource lndg, Path dataDir, ErrorLog errors, ChartDrawer chart) {
        this.zone = zone;
        this.lndg = lndg;
        this.ledger = dataDir.resolve("rebalances.csv");
        this.history = new HistoryFile(dataDir.resolve("daily-report.csv"));
        this.errors = errors;
        this.chart = chart;
        this.original = new OriginalFolder(dataDir, zone, errors);
    }

    /**
     * At the daemon's start: a history file of an earlier version (LNDg's fees in whole sats) is converted to msat
     * once; the old file stays as daily-report.csv.bak. A disk that refuses it costs one errors.log line (the file is
     * read either way, and converted before the next append).
     */
    void convertHistory() {
        try {
            if (history.convertOldFormat()) {
                LOG.info("daily-report.csv converted: LNDg's fees now in msat (lndg_fee_msat); the old file is daily-report.csv.bak");
            }
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.REPORT, "daily-report.csv could not be converted to msat (tried again before the next append)", e);
        }
        original.moveAside();
    }

    /** The template's {@code stat} path (the original's success-rebal.csv), read with DATA_DIR's; null for none. */
    void templateStat(Path stat) {
        original.templateStat(stat);
    }

    /** The report gains a Channels block: each refilled channel's books (refill fees against earnings). */
    void channels(Supplier<ChannelsBlock.View> books) {
        this.channels = books;
    }

    /**
     * The report for a day, and — when {@code store} — the history's missing completed days appended.
     * @param late the report of a day whose report time passed while the daemon was not running
     */
    ReportService.Report build(LocalDate date, LocalDate today, boolean store, boolean late) throws IOException {
        boolean complete = date.isBefore(today);
        if (store) {
            original.moveAside();
        }
        HistoryFile.Read stored = history.read();
        if (stored.malformed() > 0) {
            errors.report(ErrorLog.Kind.REPORT, stored.malformed() + " malformed rows in daily-report.csv skipped");
        }
        // the original's file still in its place is read as the original's (a failed move had its own line)
        if (stored.foreignHeader() != null && !original.originalsInPlace()) {
            errors.report(ErrorLog.Kind.REPORT, "daily-report.csv has columns this version does not know (" + stored.foreignHeader()
                    + "): not read and nothing appended; move it aside (its days are computed from the ledger and LNDg)");
        }
        LocalDate first = YearMonth.from(date).minusMonths(11).atDay(1);
        LocalDate backfillFrom = today.minusDays(BACKFILL_DAYS);
        if (backfillFrom.isBefore(first)) {
            first = backfillFrom;
        }
        List<LocalDate> toCompute = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(date); d = d.plusDays(1)) {
            if (!stored.days().containsKey(d) || !d.isBefore(today)) {
                toCompute.add(d);
            }
        }
        Map<LocalDate, DayFigures> all = new TreeMap<>(stored.days());
        LedgerReader.Read ours = LedgerReader.read(ledger);
        if (ours.malformed() > 0) {
            errors.report(ErrorLog.Kind.REPORT, ours.malformed() + " malformed rows in rebalances.csv skipped");
        }
        if (!toCompute.isEmpty()) {
            LocalDate from = toCompute.get(0);
            LocalDate to = toCompute.get(toCompute.size() - 1);
            Instant start = DayBook.startOf(from, zone).toInstant();
            Instant end = DayBook.startOf(to.plusDays(1), zone).toInstant();
            Map<LocalDate, DayFigures> computed = DayBook.days(zone, from, to, ours.payments(),
                    lndg.lndgRebalances(start, end), lndg.forwards(start, end));
            List<DayFigures> completedNew = new ArrayList<>();
            for (LocalDate d : toCompute) {
                all.put(d, computed.get(d));
                if (d.isBefore(today) && !d.isBefore(backfillFrom)) {
                    completedNew.add(computed.get(d));
                }
            }
            if (store && stored.foreignHeader() == null) {
                try {
                    history.append(completedNew);
                } catch (IOException e) {
                    // the report goes out all the same; days not stored are computed again next time
                    errors.report(ErrorLog.Kind.REPORT, "daily-report.csv cannot be written (its days are computed again next time)", e);
                }
            }
        }
        all = original.addTo(all, ours.payments());
        ChannelsBlock.View view = null;
        if (channels != null) {
            try {
                view = channels.get();
            } catch (RuntimeException e) {
                errors.report(ErrorLog.Kind.REPORT, "the channels' books could not be read, the report goes without them", e);
            }
        }
        String text = ReportText.render(date, zone, late, complete, all, view);
        byte[] png = null;
        try {
            png = chart.png(date, all);
        } catch (IOException | RuntimeException | Error e) {
            errors.report(ErrorLog.Kind.REPORT, "chart for " + date + " failed, the text goes without it", e);
        }
        return new ReportService.Report(date, late, complete, text, png);
    }
}
