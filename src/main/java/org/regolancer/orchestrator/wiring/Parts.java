package org.regolancer.orchestrator.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.cycle.BooksService;
import org.regolancer.orchestrator.cycle.CyclePlanner;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.judgment.RefillBudget;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.lndg.BooksReader;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.lndg.LndgReportClient;
import org.regolancer.orchestrator.lndg.LndgSession;
import org.regolancer.orchestrator.ops.ChildEnvironment;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.report.ChannelsBlock;
import org.regolancer.orchestrator.report.ChartDrawer;
import org.regolancer.orchestrator.report.OriginalStat;
import org.regolancer.orchestrator.report.ReportService;
import org.regolancer.orchestrator.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts the daemon and the {@code report} and {@code check} commands build alike from the settings: LNDg's session
 * and client, the channel queries, the judgment and the planner, the books, the report. No Camel type here: the
 * commands build them without a Camel context, so what they read and judge is what the daemon reads and judges.
 */
public final class Parts {

    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);
    /** LNDg's reads outside the cycle route (the books', the report's pages) may take a while. */
    static final Duration READS_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final Clock clock;
    private final Secrets secrets;

    public Parts(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.secrets = new Secrets(settings.lndg().user(), settings.lndg().pass(), settings.telegram().token());
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** The LNDg password, its session id and the bot token, to be masked wherever text leaves the process. */
    public Secrets secrets() {
        return secrets;
    }

    /** The daemon's errors.log in DATA_DIR. */
    public ErrorLog errorLog() {
        return new ErrorLog(settings.files().dataDir().resolve("errors.log"), secrets, clock);
    }

    /** For a command: its errors go to the log only (nothing is written). */
    public ErrorLog logOnly() {
        return new ErrorLog(null, secrets, clock);
    }

    /** The environment regolancer's runs and the chart's process get: this process's, without the secrets. */
    public ChildEnvironment children() {
        return ChildEnvironment.ofThisProcess(settings.lndg().user(), settings.lndg().pass(), settings.telegram().token());
    }

    /** An LNDg session that says nothing itself: whoever uses it reads {@link LndgSession#fallback()}. */
    public LndgSession lndgSession() {
        return new LndgSession(settings.lndg().baseUrl(), settings.lndg().user(), settings.lndg().pass(), clock, secrets);
    }

    /**
     * The process's one LNDg session: a fallback to Basic auth is one errors.log line (once per reason), a login after
     * LNDg refused the session is quiet (a line with LOG_OPERATIONAL).
     */
    public LndgSession lndgSession(ErrorLog errors) {
        return lndgSession().events(new LndgSession.Events() {
            @Override
            public void fellBack(String why) {
                errors.report(ErrorLog.Kind.LNDG_LOGIN, why);
            }

            @Override
            public void loggedIn() {
                if (settings.logs().operational()) {
                    LOG.info("Logged in to LNDg: its API is asked with a session from now on");
                }
            }
        });
    }

    /** The client for LNDg's reads outside the cycle route: the books' and the report's pages. */
    public LndgHttp lndgReads(LndgSession session) {
        return lndgHttp(session, READS_TIMEOUT);
    }

    public LndgHttp lndgHttp(LndgSession session, Duration timeout) {
        return new LndgHttp(session, timeout, settings.lndg().tls());
    }

    /** The channels a cycle pairs, paged as the cycle pages them. */
    public ChannelFetch openActiveChannels() {
        return ChannelFetch.openActive();
    }

    /** Every open channel, active or not. */
    public ChannelFetch openChannels() {
        return ChannelFetch.open();
    }

    public RefillBudget refillBudget() {
        return new RefillBudget(settings.judgment().refillBudgetPercent(), Sat.of(settings.judgment().refillAllowanceSat()).msat());
    }

    /** @param minute a minute (tests of the daemon shorten it: retry-wait.minute-ms) */
    public PairWaits pairWaits(Duration minute) {
        return new PairWaits(minute.multipliedBy(settings.judgment().retryWaitMinutes()), minute.multipliedBy(settings.judgment().retryWaitMaxMinutes()));
    }

    /** Which pairs are worth a run, with the given waits; pairs in a random order with RANDOMIZE_PAIRS. */
    public Judgment judgment(PairWaits waits) {
        return new Judgment(settings.judgment().feePolicy(), settings.judgment().maxPendingHtlcs(), waits,
                settings.judgment().randomizePairs() ? new Random() : null, refillBudget());
    }

    /** The daemon's planning of a cycle: LNDg's rules, EXCLUDE_CHANNELS, the template's exclusions and smallest run. */
    public CyclePlanner cyclePlanner() {
        return new CyclePlanner(settings);
    }

    /** Empty books over BOOKS_DAYS. @param day a day (tests of the daemon shorten it: books.day-ms) */
    public Books books(Duration day) {
        return new Books(day.multipliedBy(settings.judgment().booksDays()));
    }

    public BooksReader booksReader(LndgHttp http) {
        return new BooksReader(http, settings.lndg().zone());
    }

    /**
     * Each channel's books (refill fees, forwarding earnings) over BOOKS_DAYS, read from the ledger and LNDg.
     *
     * @param kept whether they are kept up to date (something reads them: the refill budget, the report)
     */
    public BooksService booksService(LndgHttp http, ErrorLog errors, Duration day, Duration every, Duration retry,
            boolean logOperational, boolean kept) {
        return new BooksService(kept, books(day), booksReader(http), settings.files().dataDir().resolve("rebalances.csv"), errors,
                clock, every, retry, logOperational);
    }

    /**
     * The daily report's service; the {@code report} command builds the same one, drawing its chart in its own
     * (short-lived) process, where the daemon draws it in a process of the chart's own (docs/benchmarks.md: Footprint).
     */
    public ReportService reportService(LndgHttp http, ErrorLog errors, ChartDrawer chart) {
        ReportService reports = new ReportService(settings.report().zone(), settings.report().cron(),
                new LndgReportClient(http, settings.lndg().zone()), settings.files().dataDir(), clock, errors, chart);
        // the Python original's regolancer history in the template's stat file (not in the demo: its template is the operator's)
        if (!settings.demo()) {
            reports.templateStat(OriginalStat.templateStat(settings.files().template().path("stat").asText(""), settings.files().configTemplate()));
        }
        return reports;
    }

    /** The report's Channels block: the books now, with the names the last cycle saw. */
    public ChannelsBlock.View channelsView(BooksService books) {
        books.readIfNeverRead();
        Map<ChannelId, String> names = new HashMap<>();
        books.channels().forEach(c -> names.put(c.id(), c.alias()));
        return new ChannelsBlock.View(List.copyOf(books.read().values()), names, settings.judgment().booksDays(), books.lndgRead());
    }
}
