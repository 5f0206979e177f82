package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.TelegramHtml;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/**
 * The daily report as the routes see it: which day is due (the cron's, one missed while the daemon was not running, a
 * failed one retried every 10 minutes for 24 hours), building it ({@link ReportBuilder}), and remembering the day sent
 * so no day is reported twice ({@link SentMarker}). The operator hears of a failure at most once a day
 * ({@link RetryState}); when the cron fires is {@link ReportCron}'s.
 */
public class ReportService {

    public record Report(LocalDate date, boolean late, boolean dayComplete, String text, byte[] chart) {
        public boolean hasChart() {
            return chart != null;
        }
    }

    private final ZoneId zone;
    private final Clock clock;
    private final ErrorLog errors;
    private final ReportCron cron;
    private final ReportBuilder builder;
    private final SentMarker sent;
    // guarded by this
    private final RetryState retries = new RetryState();
    /** The days whose report time passed while the daemon was not running: their report says it is late. */
    private final Set<LocalDate> caughtUp = ConcurrentHashMap.newKeySet();

    /** @param chart draws the chart: in this process, or in one of its own ({@link ChartProcess}) for a daemon */
    public ReportService(ZoneId zone, String cron, ActivitySource lndg, Path dataDir, Clock clock, ErrorLog errors,
            ChartDrawer chart) {
        this.zone = zone;
        this.clock = clock;
        this.errors = errors;
        this.cron = new ReportCron(cron, zone);
        this.builder = new ReportBuilder(zone, lndg, dataDir, errors, chart);
        this.sent = new SentMarker(dataDir.resolve("daily-report.sent"));
    }

    /**
     * At the daemon's start: a history file of an earlier version (LNDg's fees in whole sats) is converted to msat
     * once; the old file stays as daily-report.csv.bak. A disk that refuses it costs one errors.log line (the file is
     * read either way, and converted before the next append).
     */
    public void convertHistory() {
        builder.convertHistory();
    }

    /** The template's {@code stat} path (the original's success-rebal.csv), read with DATA_DIR's; null for none. */
    public void templateStat(Path stat) {
        builder.templateStat(stat);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The cron fired: today's report, unless it was sent already. */
    public synchronized LocalDate dueNow() throws IOException {
        LocalDate today = today();
        return sent.covers(today) ? null : today;
    }

    /** At start: the day whose report time passed while the daemon was not running, if its report was never sent. */
    public synchronized LocalDate missedDay() throws IOException {
        LocalDate last = sent.last();
        if (last == null) {
            return null;
        }
        LocalDate expected = cron.lastFiredDay(ZonedDateTime.now(clock.withZone(zone)));
        if (expected != null && last.isBefore(expected)) {
            caughtUp.add(expected);
            return expected;
        }
        return null;
    }

    /** A failed report still within its 24 hours of retries. */
    public synchronized LocalDate retryDue() throws IOException {
        LocalDate pending = retries.pending();
        if (pending == null) {
            return null;
        }
        if (sent.covers(pending)) {
            retries.done(pending);
            return null;
        }
        if (retries.expired(clock.instant())) {
            errors.report(ErrorLog.Kind.REPORT, "gave up the daily report for " + pending + " after 24 hours of retries");
            retries.done(pending);
            return null;
        }
        return pending;
    }

    /** The report gains a Channels block: each refilled channel's books (refill fees against earnings). */
    public void channels(Supplier<ChannelsBlock.View> books) {
        builder.channels(books);
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
        // late only for the catch-up send: a report looked at on demand, or retried, is not late
        return builder.build(date, today(), store, caughtUp.contains(date));
    }

    /**
     * The report went out: never again for this day. Remembered in memory first, so a disk that refuses
     * daily-report.sent costs one errors.log line, not a report every 10 minutes; the file is written with the next
     * report the disk takes.
     */
    public synchronized void sent(Report report) {
        retries.done(report.date());
        errors.cleared(ErrorLog.Kind.REPORT);
        try {
            sent.mark(report.date());
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.REPORT, "daily-report.sent cannot be written; the report for " + report.date()
                    + " was sent and is not sent again while the daemon runs", e);
        }
    }

    /** The report failed: one errors.log line, retries for 24 hours, and the alert text once a day (else null). */
    public synchronized String failed(LocalDate date, Exception error) {
        String why = why(error);
        errors.report(ErrorLog.Kind.REPORT, "daily report for " + date + " failed: " + why + "; retrying every 10 minutes for 24 hours");
        retries.failed(date, clock.instant());
        if (!retries.alertOn(today())) {
            return null;
        }
        // the alert goes to Telegram: scrubbed as errors.log is (an error page may echo a session cookie)
        return "⚠️ <b>Daily report for " + date + " failed</b>: " + TelegramHtml.escape(errors.scrubbed(why))
                + "; retrying every 10 minutes for 24 hours";
    }

    public synchronized void alertFailed(Exception error) {
        errors.report(ErrorLog.Kind.REPORT, "the report's failure alert could not be sent either: " + why(error));
    }

    /** The chart was refused (the text went out): one errors.log line, the day counts as sent. */
    public void chartNotSent(Exception error) {
        errors.report(ErrorLog.Kind.REPORT, "the chart could not be sent, the text was: " + why(error));
    }

    /** What went wrong in words: Telegram's answer ("Telegram answered 500: …", never the request's URI), or the error. */
    private static String why(Exception error) {
        return TelegramRetry.why(error);
    }
}
