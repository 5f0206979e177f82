package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.quartz.CronExpression;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;
import org.regolancer.orchestrator.telegram.TelegramHtml;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/**
 * Builds the daily report from our ledger, LNDg and the history file, back-fills the history's missing days of
 * the last 365, and remembers which day's report was sent last so no day is reported twice. A failed report is
 * retried (the retry route asks every 10 minutes) for 24 hours; the operator hears of it at most once a day.
 * The Python original's folder is read too, never copied ({@link OriginalFolder}).
 */
public class ReportService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.regolancer.orchestrator");

    public record Report(LocalDate date, boolean late, boolean dayComplete, String text, byte[] chart) {
        public boolean hasChart() {
            return chart != null;
        }
    }

    static final Duration RETRY_FOR = Duration.ofHours(24);
    static final int BACKFILL_DAYS = 365;

    private final ZoneId zone;
    private final String cron;
    private final ActivitySource lndg;
    private final Path ledger;
    private final HistoryFile history;
    private final Path sentFile;
    private final Clock clock;
    private final ErrorLog errors;
    private final ChartDrawer chart;
    private final OriginalFolder original;
    private volatile java.util.function.Supplier<ChannelsBlock.View> channels;
    private LocalDate pending;
    private Instant pendingSince;
    private LocalDate alertedOn;
    /** The last day sent, also when daily-report.sent could not be written (a full or read-only disk). */
    private LocalDate sentInMemory;
    private final java.util.Set<LocalDate> caughtUp = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ReportService(ZoneId zone, String cron, ActivitySource lndg, Path dataDir, Clock clock, ErrorLog errors) {
        this(zone, cron, lndg, dataDir, clock, errors, ReportChart::png);
    }

    /** @param chart draws the chart: in this process, or in one of its own ({@link ChartProcess}) for a daemon */
    public ReportService(ZoneId zone, String cron, ActivitySource lndg, Path dataDir, Clock clock, ErrorLog errors,
            ChartDrawer chart) {
        this.chart = chart;
        this.zone = zone;
        this.cron = cron;
        this.lndg = lndg;
        this.original = new OriginalFolder(dataDir, zone, errors);
        this.ledger = dataDir.resolve("rebalances.csv");
        this.history = new HistoryFile(dataDir.resolve("daily-report.csv"));
        this.sentFile = dataDir.resolve("daily-report.sent");
        this.clock = clock;
        this.errors = errors;
    }

    /**
     * At the daemon's start: a history file of an earlier version (LNDg's fees in whole sats) is converted to msat
     * once; the old file stays as daily-report.csv.bak. A disk that refuses it costs one errors.log line (the file is
     * read either way, and converted before the next append).
     */
    public void convertHistory() {
        try {
            if (history.convertOldFormat()) {
                LOG.info("daily-report.csv converted: LNDg's fees now in msat (lndg_fee_msat); the old file is daily-report.csv.bak");
            }
        } catch (IOException | RuntimeException e) {
            errors.report("report", "daily-report.csv could not be converted to msat (tried again before the next append)", e);
        }
        original.moveAside();
    }

    /** The template's {@code stat} path (the original's success-rebal.csv), read with DATA_DIR's; null for none. */
    public void templateStat(Path stat) {
        original.templateStat(stat);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The cron fired: today's report, unless it was sent already. */
    public synchronized LocalDate dueNow() throws IOException {
        LocalDate today = today();
        return alreadySent(today) ? null : today;
    }

    /** At start: the day whose report time passed while the daemon was not running, if its report was never sent. */
    public synchronized LocalDate missedDay() throws IOException {
        LocalDate last = lastSent();
        if (last == null) {
            return null;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalDate expected = null;
        for (LocalDate day : List.of(now.toLocalDate(), now.toLocalDate().minusDays(1))) {
            ZonedDateTime fire = fireTimeOn(day);
            if (fire != null && fire.isBefore(now)) {
                expected = day;
                break;
            }
        }
        if (expected != null && last.isBefore(expected)) {
            caughtUp.add(expected);
            return expected;
        }
        return null;
    }

    /** A failed report still within its 24 hours of retries. */
    public synchronized LocalDate retryDue() throws IOException {
        if (pending == null) {
            return null;
        }
        if (alreadySent(pending)) {
            pending = null;
            return null;
        }
        if (clock.instant().isAfter(pendingSince.plus(RETRY_FOR))) {
            errors.report("report", "gave up the daily report for " + pending + " after 24 hours of retries");
            pending = null;
            return null;
        }
        return pending;
    }

    /** The report gains a Channels block: each refilled channel's books (refill fees against earnings). */
    public void channels(java.util.function.Supplier<ChannelsBlock.View> books) {
        this.channels = books;
    }

    /** Today's report so far (Telegram's /report): nothing stored, the day not marked sent. */
    public Report buildToday() throws IOException {
        return build(today(), false);
    }

    /**
     * The report for a day, and — when {@code store} — the history's missing completed days appended. The CLI
     * passes {@code store=false}: it changes nothing on disk.
     */
    public Report build(LocalDate date, boolean store) throws IOException {
        LocalDate today = today();
        boolean complete = date.isBefore(today);
        if (store) {
            original.moveAside();
        }
        HistoryFile.Read stored = history.read();
        if (stored.malformed() > 0) {
            errors.report("report", stored.malformed() + " malformed rows in daily-report.csv skipped");
        }
        // the original's file still in its place is read as the original's (a failed move had its own line)
        if (stored.foreignHeader() != null && !original.originalsInPlace()) {
            errors.report("report", "daily-report.csv has columns this version does not know (" + stored.foreignHeader()
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
            errors.report("report", ours.malformed() + " malformed rows in rebalances.csv skipped");
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
                    errors.report("report", "daily-report.csv cannot be written (its days are computed again next time)", e);
                }
            }
        }
        all = original.addTo(all, ours.payments());
        // late only for the catch-up send: a report looked at on demand, or retried, is not late
        boolean late = caughtUp.contains(date);
        ChannelsBlock.View view = null;
        if (channels != null) {
            try {
                view = channels.get();
            } catch (RuntimeException e) {
                errors.report("report", "the channels' books could not be read, the report goes without them", e);
            }
        }
        String text = ReportText.render(date, zone, late, complete, all, view);
        byte[] png = null;
        try {
            png = chart.png(date, all);
        } catch (IOException | RuntimeException | Error e) {
            errors.report("report", "chart for " + date + " failed, the text goes without it", e);
        }
        return new Report(date, late, complete, text, png);
    }

    /**
     * The report went out: never again for this day. Remembered in memory first, so a disk that refuses
     * daily-report.sent costs one errors.log line, not a report every 10 minutes; the file is written with the next
     * report the disk takes.
     */
    public synchronized void sent(Report report) {
        sentInMemory = report.date();
        if (report.date().equals(pending)) {
            pending = null;
        }
        errors.cleared("report");
        try {
            OwnerOnlyFiles.replace(sentFile, report.date() + "\n");
        } catch (IOException | RuntimeException e) {
            errors.report("report", "daily-report.sent cannot be written; the report for " + report.date()
                    + " was sent and is not sent again while the daemon runs", e);
        }
    }

    /** The report failed: one errors.log line, retries for 24 hours, and the alert text once a day (else null). */
    public synchronized String failed(LocalDate date, Exception error) {
        String why = why(error);
        errors.report("report", "daily report for " + date + " failed: " + why + "; retrying every 10 minutes for 24 hours");
        if (!date.equals(pending)) {
            pending = date;
            pendingSince = clock.instant();
        }
        LocalDate today = today();
        if (today.equals(alertedOn)) {
            return null;
        }
        alertedOn = today;
        // the alert goes to Telegram: scrubbed as errors.log is (an error page may echo a session cookie)
        return "⚠️ <b>Daily report for " + date + " failed</b>: " + TelegramHtml.escape(errors.scrubbed(why))
                + "; retrying every 10 minutes for 24 hours";
    }

    public synchronized void alertFailed(Exception error) {
        errors.report("report", "the report's failure alert could not be sent either: " + why(error));
    }

    /** The chart was refused (the text went out): one errors.log line, the day counts as sent. */
    public void chartNotSent(Exception error) {
        errors.report("report", "the chart could not be sent, the text was: " + why(error));
    }

    /** What went wrong in words: Telegram's answer ("Telegram answered 500: …", never the request's URI), or the error. */
    private static String why(Exception error) {
        return TelegramRetry.why(error);
    }

    private boolean alreadySent(LocalDate date) throws IOException {
        LocalDate last = lastSent();
        return last != null && !last.isBefore(date);
    }

    private LocalDate lastSent() throws IOException {
        LocalDate inFile = null;
        if (Files.exists(sentFile)) {
            try {
                inFile = LocalDate.parse(Files.readString(sentFile, StandardCharsets.UTF_8).strip());
            } catch (RuntimeException e) {
                // unreadable: as if none
            }
        }
        if (inFile == null || (sentInMemory != null && sentInMemory.isAfter(inFile))) {
            return sentInMemory;
        }
        return inFile;
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
}
