package org.regolancer.orchestrator.cycle;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.ledger.Ledger;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.lndg.LndgRetryPause;
import org.regolancer.orchestrator.lndg.PagedFetch;
import org.regolancer.orchestrator.lndg.SettingsFetch;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.regolancer.PairDispatch;
import org.regolancer.orchestrator.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the cycle route calls, in its order (bean {@code cycles}): wait for the turn, housekeeping, fetch the
 * channels, plan, hand out the pairs, finish. The work is done by {@link Turns}, {@link LndgReads},
 * {@link CyclePlanner} and {@link HourlySummary}; the steps that routes of earlier versions call are in
 * {@link OldRouteSteps}.
 */
public class CycleService extends OldRouteSteps {

    private static final Logger LOG = LoggerFactory.getLogger(CycleService.class);
    /** The logger of the hourly summary line (the one the route's log step used). */
    private static final Logger SUMMARY = LoggerFactory.getLogger("org.regolancer.orchestrator");

    private final Settings settings;
    private final CycleStats stats;
    private final ErrorLog errors;
    private final Ledger ledger;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final LndgRetryPause lndgRetryPause;
    private final Judge judge;
    private final Pause pause;
    private final LndgReads lndg;
    private final CyclePlanner planner;
    private final PlanLog planLog;
    private final AtomicLong fetchedCycles = new AtomicLong();
    private volatile Instant cycleStart;
    private volatile Cycle current;

    /**
     * @param books  each channel's refill fees and earnings, or null when nothing reads them
     * @param ledger whose rows that waited for the disk go in first at each cycle, or null (routes of earlier versions
     *               did that in a step of their own)
     */
    public CycleService(Settings settings, CycleStats stats, ErrorLog errors, Lifecycle lifecycle, Clock clock,
            LndgRetryPause lndgRetryPause, LndgFeeSettings lndgFees, Judge judge, Pause pause, BooksService books,
            Ledger ledger) {
        super(new Turns(clock, settings.run().runForever(), settings.lndg().refreshSeconds()), new HourlySummary(stats, clock));
        this.settings = settings;
        this.stats = stats;
        this.errors = errors;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.lndgRetryPause = lndgRetryPause;
        this.judge = judge;
        this.pause = pause;
        this.lndg = new LndgReads(settings, errors, clock, lndgFees, books);
        this.planner = new CyclePlanner(settings);
        this.planLog = new PlanLog(settings.logs().operational(), settings.run().dryRun(), planner.minAmountSat());
    }

    /**
     * Waits for this cycle's turn ({@link Turns}: after a cycle that ran nothing, until LNDg's refresh); the route goes
     * no further when the daemon is stopping or its routes are being reloaded.
     */
    public void waitForTurn(Exchange exchange) {
        if (turns.mustNotStart()) {
            exchange.setRouteStop(true);
        }
    }

    /** The hourly summary line when due; ledger rows and errors.log lines that waited for a full or read-only disk. */
    public void housekeeping() {
        String line = summary.ifDue();
        if (line != null) {
            SUMMARY.info(line);
        }
        if (ledger != null) {
            ledger.retryPending();
        }
        errors.retryUnwritten();
    }

    /** Starts a cycle's clock and the paged read of LNDg's channel list. */
    @Override
    public ChannelFetch channelFetch() {
        cycleStart = clock.instant();
        turns.fetchStarted(cycleStart);
        return lndg.channelFetch();
    }

    /** The channel list was read: its channels. */
    @Override
    public List<Channel> channels(ChannelFetch fetch) {
        stats.fetchWorked();
        return lndg.channels(fetch);
    }

    /** The next page of an LNDg list to ask for ({@code path?query} under LNDG_BASE_URL), or null when all are read. */
    public String nextPage(PagedFetch fetch) {
        return LndgReads.nextPage(fetch);
    }

    /** One page's answer as camel-http left it (a stream): its rows read, or a failure in words. */
    public void acceptPage(PagedFetch fetch, int status, InputStream body) {
        lndg.acceptPage(fetch, status, body);
    }

    /**
     * LNDg failed: one errors.log line (repeats held back), the cycle is skipped, and LNDg is left alone a while
     * longer the more often it failed in a row (the wait ends at once when the daemon stops).
     */
    public void fetchFailed(Exception error) {
        String why = lndg.failure(error, "/api/channels/");
        // /status sends it to Telegram: an error page that echoes the request (a session cookie) is scrubbed first
        stats.fetchFailed(clock.instant(), errors.scrubbed(why));
        errors.report(ErrorLog.Kind.LNDG, "channel fetch failed, cycle skipped: " + why);
        if (!settings.run().runForever()) {
            lifecycle.finished(1);
            return;
        }
        turns.restUnlessStopped(lndgRetryPause.extraAfter(stats.getFetchFailuresInARow(), Duration.ofSeconds(settings.run().sleepSeconds())));
    }

    /** LNDg's AR-MaxFeeRate is read under LNDg's fee policy, at most every 10 minutes. */
    public boolean lndgSettingsDue() {
        return lndg.settingsDue();
    }

    public SettingsFetch beginSettings() {
        return lndg.beginSettings();
    }

    public void settingsRead(SettingsFetch fetch) {
        lndg.settingsRead(fetch);
    }

    public void settingsFailed(Exception error) {
        lndg.settingsFailed(error);
    }

    /** The channels' books are due a read of LNDg (the first cycle, then every 10 minutes). */
    @Override
    public boolean booksDue() {
        return lndg.booksDue();
    }

    /** Reads what LNDg has new into the channels' books; a failure keeps them (one errors.log line), never the cycle's. */
    @Override
    public void refreshBooks(List<Channel> channels) {
        lndg.refreshBooks(channels);
    }

    /** This cycle's amount, its pairs (judged, shuffled when asked) and their dispatch. */
    @Override
    public Cycle planCycle(List<Channel> channels) {
        long number = fetchedCycles.getAndIncrement();
        CyclePlanner.Plan plan = planner.plan(channels, number, lndg.arMaxFeeRate(), this::booksForBudget, judge::verdict);
        stats.targetsOverBudget(plan.verdict().targetsOverBudget());
        List<Pair> pairs = plan.toRun();
        Instant start = cycleStart == null ? clock.instant() : cycleStart;
        PairDispatch dispatch = new PairDispatch(pairs, settings.run().maxWorkers(), start.plusSeconds(settings.run().maxCycleSeconds()), clock);
        Map<ChannelId, Channel> byId = new LinkedHashMap<>();
        channels.forEach(c -> byId.put(c.id(), c));
        Cycle cycle = new Cycle(number, plan.amountSat(), plan.arMaxFeeRate(), start, byId, pairs.size(), dispatch,
                settings.run().maxWorkers());
        cycle.budgetCaps(plan.verdict().budgetCaps());
        current = cycle;
        if (turns.isStopping() || pause.paused()) {
            // paused: planned and judged as ever (so /status and readiness stay true), but no run starts
            dispatch.close();
        }
        planLog.planned(number, plan);
        return cycle;
    }

    private Map<ChannelId, ChannelBook> booksForBudget() {
        return judge.budgetOn() ? lndg.books() : Map.of();
    }

    /** One token per worker (MAX_WORKERS, never more than pairs; none for a cycle without pairs). */
    public List<Integer> workerSlots(Cycle cycle) {
        return cycle.getWorkerSlots();
    }

    /** A worker's next pair: waits until one can run now (its channels free, a run slot free); null when done. */
    public Pair nextPair(Cycle cycle) throws InterruptedException {
        return cycle.dispatch().take().orElse(null);
    }

    public void release(Cycle cycle, Pair pair) {
        cycle.dispatch().release(pair);
    }

    public void finish(Cycle cycle) {
        Duration took = Duration.between(cycle.getStart(), clock.instant());
        stats.cycleDone(took, clock.instant());
        stats.lastCycle(new CycleStats.LastCycle(clock.instant(), cycle.getPairCount(), cycle.dispatch().started(),
                cycle.payments.get(), took));
        int stopped = cycle.stoppedRuns.get();
        int notStarted = cycle.dispatch().notStarted();
        if (stopped > 0 && !turns.isStopping()) {
            errors.report(ErrorLog.Kind.CYCLE, "cycle reached MAX_CYCLE_SECONDS", "cycle " + cycle.getNumber() + " reached MAX_CYCLE_SECONDS=" + settings.run().maxCycleSeconds()
                    + ": " + stopped + " regolancer runs stopped, " + notStarted + " pairs not started");
        }
        if (settings.logs().operational()) {
            LOG.info("Cycle {} done in {} s: {} of {} run, {}", cycle.getNumber(), took.toSeconds(),
                    cycle.dispatch().started(), Words.count(cycle.getPairCount(), "pair"), Words.count(cycle.payments.get(), "payment"));
        }
        // nothing ran: the next fetch would see LNDg's data unchanged until LNDg refreshes it
        turns.cycleEnded(settings.run().dryRun() || cycle.dispatch().started() == 0);
        if (!settings.run().runForever()) {
            lifecycle.finished(0);
        }
    }

    /** Telegram's /pause: no run starts from now on (runs going on finish and are recorded). */
    public boolean pause() throws java.io.IOException {
        boolean changed = pause.pause(clock.instant());
        Cycle cycle = current;
        if (cycle != null) {
            cycle.dispatch().close();
        }
        if (changed) {
            LOG.info("Paused (Telegram /pause): no regolancer run starts until /resume");
        }
        return changed;
    }

    /** Telegram's /resume: the next cycle runs pairs again. */
    public boolean resume() throws java.io.IOException {
        boolean changed = pause.resume();
        turns.resumed();
        if (changed) {
            LOG.info("Resumed (Telegram /resume)");
        }
        return changed;
    }

    /** The routes are being reloaded: a cycle waiting for its turn ends now, and none starts until the reload is done. */
    public void routesReloading() {
        turns.routesReloading();
    }

    /** The reload is done (applied or refused): cycles start again. */
    public void routesReloaded() {
        turns.routesReloaded();
    }

    /** The daemon is stopping: no new cycle, no more pairs handed out. */
    public void stop() {
        turns.stop();
        Cycle cycle = current;
        if (cycle != null) {
            cycle.dispatch().close();
        }
    }

    /** At a stop: waits until the runs still going have ended and their payments are recorded, at most {@code max}. */
    public boolean awaitRunsRecorded(Duration max) throws InterruptedException {
        Cycle cycle = current;
        return cycle == null || cycle.dispatch().awaitNoneRunning(max);
    }
}
