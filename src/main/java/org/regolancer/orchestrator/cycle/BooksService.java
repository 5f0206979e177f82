package org.regolancer.orchestrator.cycle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.books.LedgerRefills;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.lndg.BooksReader;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.pairing.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each channel's {@link Books} in the running daemon: at the first cycle our ledger's refills of the window and
 * LNDg's forwards and jobs of the window; then what LNDg has new at most every {@code every} (10 minutes), a failed
 * read keeping the books and trying again after {@code retry} (a minute), one errors.log line per outage. Our own
 * payments count the moment their run's stat file is read. Until LNDg's first read at a start works, a channel has
 * earned nothing (its allowance alone), never an unknown amount. Nothing is written: the books are built again at
 * each start. When nothing reads the books (no refill budget, no report) nothing is read either.
 */
public class BooksService {

    private static final Logger LOG = LoggerFactory.getLogger(BooksService.class);
    /** LNDg's jobs finish out of id order: each read goes back this far before the last one. */
    static final Duration JOBS_OVERLAP = Duration.ofHours(1);

    private final boolean kept;
    private final Books books;
    private final BooksReader lndg;
    private final Path ledger;
    private final ErrorLog errors;
    private final Clock clock;
    private final Duration every;
    private final Duration retry;
    private final boolean logOperational;
    private Instant next;
    private Instant lastJobsRead;
    private boolean ledgerRead;
    private volatile boolean lndgRead;
    private volatile List<Channel> channels = List.of();

    public BooksService(boolean kept, Books books, BooksReader lndg, Path ledger, ErrorLog errors, Clock clock,
            Duration every, Duration retry, boolean logOperational) {
        this.kept = kept;
        this.books = books;
        this.lndg = lndg;
        this.ledger = ledger;
        this.errors = errors;
        this.clock = clock;
        this.every = every;
        this.retry = retry;
        this.logOperational = logOperational;
    }

    public boolean kept() {
        return kept;
    }

    /** A read of LNDg is due: the first at a start, then every 10 minutes (a minute after a failed one). */
    public synchronized boolean due() {
        return kept && (next == null || !clock.instant().isBefore(next));
    }

    /** Reads what is new into the books (the cycle's channels name LNDg's jobs' channels); never fails the cycle. */
    public void refresh(ChannelFetch fetch) {
        refresh(fetch.channels());
    }

    public synchronized void refresh(List<Channel> open) {
        if (!kept) {
            return;
        }
        channels = List.copyOf(open);
        Instant now = clock.instant();
        if (!ledgerRead) {
            ledgerRead = true;
            try {
                int malformed = LedgerRefills.read(ledger, books, now);
                if (malformed > 0) {
                    errors.report(ErrorLog.Kind.BOOKS, malformed + " malformed rows in rebalances.csv left out of the channels' books");
                }
            } catch (IOException | RuntimeException e) {
                errors.report(ErrorLog.Kind.BOOKS, "rebalances.csv cannot be read: the channels' books hold this start's payments only", e);
            }
        }
        try {
            Instant from = books.windowStart(now);
            BooksReader.Read forwards = lndg.forwards(books, from, now);
            Instant jobsSince = lastJobsRead == null ? from : lastJobsRead.minus(JOBS_OVERLAP);
            BooksReader.Read jobs = lndg.jobs(books, jobsSince.isBefore(from) ? from : jobsSince, now);
            boolean first = !lndgRead;
            lastJobsRead = now;
            lndgRead = true;
            next = now.plus(every);
            errors.cleared(ErrorLog.Kind.LNDG_BOOKS);
            int skipped = forwards.skipped() + jobs.skipped();
            if (skipped > 0) {
                errors.report(ErrorLog.Kind.LNDG_BOOK_ROWS, "rows left out of the books", skipped + " forward and rebalancer rows from LNDg left out of the books "
                        + "(missing, null or negative fields), first: " + (forwards.firstSkipped() != null
                        ? forwards.firstSkipped() : jobs.firstSkipped()));
            } else {
                errors.cleared(ErrorLog.Kind.LNDG_BOOK_ROWS);
            }
            if (logOperational && first) {
                LOG.info("Books read from LNDg: {} and {} of the last {} days", Words.count(forwards.rows(), "forward"),
                        Words.count(jobs.rows(), "rebalancer job"), books.window().toDays());
            }
        } catch (RuntimeException e) {
            next = now.plus(retry);
            errors.report(ErrorLog.Kind.LNDG_BOOKS, "the books' read of LNDg failed", "LNDg's forwards and rebalancer jobs could not be read for the channels' books "
                    + (lndgRead ? "(the last books stay)" : "(until they are, targets have earned nothing: the allowance alone)")
                    + ", trying again in " + retry.toSeconds() + " s: " + ErrorLog.describe(e));
        }
    }

    /**
     * For a report before the first cycle read LNDg (or after that read failed): one read now, with the channels the
     * last cycle saw, so the report does not show refills without earnings.
     */
    public void readIfNeverRead() {
        if (kept && !lndgRead) {
            refresh(channels);
        }
    }

    /** Our payments, counted the moment their run's stat file is read (not at the next read of LNDg). */
    public void paid(List<Payment> payments) {
        if (!kept) {
            return;
        }
        Instant now = clock.instant();
        for (Payment p : payments) {
            books.refill(p.target(), p.time(), p.amountSat(), p.fee(), now);
        }
    }

    /** Every channel's books now, LNDg's jobs shared among the last cycle's channels. */
    public Map<org.regolancer.orchestrator.pairing.ChannelId, ChannelBook> read() {
        return books.read(channels, clock.instant());
    }

    /** The channels the last cycle saw (their names for the report). */
    public List<Channel> channels() {
        return channels;
    }

    /** LNDg's forwards have been read at least once since start. */
    public boolean lndgRead() {
        return lndgRead;
    }
}
