package org.regolancer.orchestrator.cycle;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.lndg.AnswerLimit;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.LndgAnswer;
import org.regolancer.orchestrator.lndg.LndgException;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.lndg.PagedFetch;
import org.regolancer.orchestrator.lndg.SettingsFetch;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cycle reads of LNDg, and its failures in words: the channel list and its pages, LNDg's AR-MaxFeeRate (under
 * FEE_POLICY=lndg, at most every 10 minutes), and the channels' books (at most every 10 minutes).
 */
final class LndgReads {

    private static final Logger LOG = LoggerFactory.getLogger(CycleService.class);
    private final Settings settings;
    private final ErrorLog errors;
    private final Clock clock;
    private final LndgFeeSettings lndgFees;
    private final BooksService books;

    /** @param books each channel's refill fees and earnings, or null when nothing reads them */
    LndgReads(Settings settings, ErrorLog errors, Clock clock, LndgFeeSettings lndgFees, BooksService books) {
        this.settings = settings;
        this.errors = errors;
        this.clock = clock;
        this.lndgFees = lndgFees;
        this.books = books;
    }

    ChannelFetch channelFetch() {
        return ChannelFetch.openActive();
    }

    /** The next page of the list to ask for, {@code path?query}, or null when every page has been read. */
    static String nextPage(PagedFetch fetch) {
        return fetch.hasMore() ? fetch.getPath() + "?" + fetch.getNextQuery() : null;
    }

    /**
     * One page's answer, its body as the stream camel-http left it: read a row at a time when LNDg answered 200 (at
     * most {@link AnswerLimit#MAX_BYTES} of it), otherwise a failure in words from the start of its page.
     */
    void acceptPage(PagedFetch fetch, int status, InputStream body) {
        if (status != 200) {
            throw LndgAnswer.failure(settings.lndg().baseUrl(), fetch.getPath(), status, AnswerLimit.errorPage(body));
        }
        fetch.accept(body);
    }

    /** The channel list was read: its channels, its refused or odd rows in one errors.log line (cleared when none). */
    List<Channel> channels(ChannelFetch fetch) {
        errors.cleared(ErrorLog.Kind.LNDG);
        List<String> rows = new ArrayList<>();
        if (fetch.refusedCount() > 0) {
            rows.add(fetch.refusedCount() + " channel rows from LNDg skipped: " + String.join("; ", fetch.refusedRows()));
        }
        if (fetch.oddCount() > 0) {
            rows.add(fetch.oddCount() + " channel rows from LNDg with a value outside LNDg's own range (no target under "
                    + "LNDg's fee policy): " + String.join("; ", fetch.oddRows()));
        }
        if (rows.isEmpty()) {
            errors.cleared(ErrorLog.Kind.LNDG_ROWS);
        } else {
            errors.report(ErrorLog.Kind.LNDG_ROWS, String.join("; ", rows));
        }
        return fetch.channels();
    }

    /** LNDg's AR-MaxFeeRate is read under LNDg's fee policy, at most every 10 minutes. */
    boolean settingsDue() {
        return settings.judgment().feePolicy() == FeePolicy.LNDG && lndgFees.due(clock.instant());
    }

    SettingsFetch beginSettings() {
        return lndgFees.begin();
    }

    void settingsRead(SettingsFetch fetch) {
        long before = lndgFees.arMaxFeeRate();
        boolean first = !lndgFees.everRead();
        long now = lndgFees.read(fetch, clock.instant());
        errors.cleared(ErrorLog.Kind.LNDG_SETTINGS);
        if (settings.logs().operational() && (first || now != before)) {
            LOG.info("LNDg's AR-MaxFeeRate: {} ppm{}", now, fetch.arMaxFeeRate().isEmpty() ? " (LNDg's default: no such setting)" : "");
        }
    }

    /** Reading /api/settings/ failed: the last value stays (LNDg's default 500 before any), one errors.log line. */
    void settingsFailed(Exception error) {
        lndgFees.failed(clock.instant());
        errors.report(ErrorLog.Kind.LNDG_SETTINGS, "LNDg's settings (AR-MaxFeeRate) could not be read, using "
                + lndgFees.arMaxFeeRate() + " ppm" + (lndgFees.everRead() ? " as last read" : " (LNDg's default)") + ": "
                + failure(error, "/api/settings/"));
    }

    /** LNDg's AR-MaxFeeRate as last read (LNDg's default before any read). */
    long arMaxFeeRate() {
        return lndgFees.arMaxFeeRate();
    }

    /** The channels' books are due a read of LNDg (the first cycle, then every 10 minutes). */
    boolean booksDue() {
        return books != null && books.due();
    }

    /** Reads what LNDg has new into the channels' books; a failure keeps them (one errors.log line), never the cycle's. */
    void refreshBooks(List<Channel> channels) {
        if (books != null) {
            books.refresh(channels);
        }
    }

    /** Every channel's books now, or none when nothing keeps them. */
    Map<ChannelId, ChannelBook> books() {
        return books == null ? Map.of() : books.read();
    }

    /** Why an LNDg request failed, in words: its answer and what to do about it, or why it could not be reached. */
    String failure(Exception error, String path) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LndgException lndg) {
                return lndg.getMessage();
            }
        }
        // check's hint too: the same words for the same failure
        return LndgAnswer.unreachable(settings.lndg().baseUrl(), path, error, settings.lndg().tls()).getMessage();
    }
}
