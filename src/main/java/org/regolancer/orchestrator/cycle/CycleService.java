package org.regolancer.orchestrator.cycle;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.regolancer.orchestrator.judgment.FeeCap;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.lndg.AnswerLimit;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.LndgAnswer;
import org.regolancer.orchestrator.lndg.LndgException;
import org.regolancer.orchestrator.lndg.ChannelPageParser;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.lndg.LndgRetryPause;
import org.regolancer.orchestrator.lndg.PagedFetch;
import org.regolancer.orchestrator.lndg.SettingsFetch;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.pairing.AmountLadder;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelCount;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairPlanner;
import org.regolancer.orchestrator.regolancer.PairDispatch;
import org.regolancer.orchestrator.regolancer.TemplateKeys;
import org.regolancer.orchestrator.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of one cycle that the cycle route calls in order: fetch state, plan, hand out pairs, finish. */
public class CycleService {

    private static final Logger LOG = LoggerFactory.getLogger(CycleService.class);
    /**
     * LNDg's UI asks for 100000 at once. One large page, read as a stream, rather than offset paging: LNDg's channel
     * list has no ordering (no order_by, no Meta ordering), and LNDg rewrites every row every 20 s or so, which on
     * PostgreSQL moves rows in the table, so later pages could skip or repeat a channel. 5000 rows are about 7 MB.
     */
    static final String FIRST_QUERY = "is_open=true&is_active=true&limit=5000";
    static final int MAX_PAGES = 50;
    static final Duration SUMMARY_EVERY = Duration.ofHours(1);
    private Instant nextSummary;

    private final Settings settings;
    private final CycleStats stats;
    private final ErrorLog errors;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final AmountLadder ladder;
    private final PairPlanner planner;
    private final ChannelPageParser parser = new ChannelPageParser();
    private final AtomicLong fetchedCycles = new AtomicLong();
    private volatile Instant cycleStart;
    private volatile Cycle current;
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final LndgRetryPause lndgRetryPause;
    private final LndgFeeSettings lndgFees;
    private final Judge judge;
    private final Pause pause;
    private final BooksService books;
    /** Guards the wait for LNDg's refresh and what ends it. */
    private final Object turn = new Object();
    private Instant lastFetch;
    private boolean lastCycleIdle;
    private long reloads;
    private boolean reloading;
    private boolean balanced;
    /** The sources without margin whose state LOG_OPERATIONAL last logged. */
    private final java.util.Set<ChannelId> noMarginLogged = new java.util.HashSet<>();

    /** @param books each channel's refill fees and earnings, or null when nothing reads them */
    public CycleService(Settings settings, CycleStats stats, ErrorLog errors, Lifecycle lifecycle, Clock clock,
            LndgRetryPause lndgRetryPause, LndgFeeSettings lndgFees, Judge judge, Pause pause, BooksService books) {
        this.books = books;
        this.settings = settings;
        this.stats = stats;
        this.errors = errors;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.lndgFees = lndgFees;
        this.judge = judge;
        this.pause = pause;
        this.ladder = new AmountLadder(settings.amountInitial(), settings.amountIncreasePercent(),
                settings.amountEveryRounds(), settings.amountMaxIncreases());
        this.planner = new PairPlanner(settings.excludeChannels(), TemplateKeys.exclusions(settings.template()),
                TemplateKeys.minAmountSat(settings.template()));
        this.lndgRetryPause = lndgRetryPause;
    }

    /**
     * Waits for this cycle's turn, without a thread spinning: after a cycle whose channel fetch worked and that started
     * no regolancer run (a balanced node, every pair resting or skipped, paused, a dry run), the next fetch comes
     * {@code LNDG_REFRESH_SECONDS} after the previous one at the earliest, as LNDg refreshes its data from LND only
     * that often. A /resume ends the wait (runs start again at once); so do a stop and a reload of the routes, which
     * then need not wait for it. True when this cycle must not start: the daemon is stopping, or a reload ended the
     * wait (the reloaded route's first cycle waits for the rest).
     */
    public boolean mustNotStart() {
        synchronized (turn) {
            if (reloading) {
                // the route is being replaced: its replacement starts the next cycle
                return true;
            }
            if (!stopping && lastCycleIdle && lastFetch != null && settings.runForever() && settings.lndgRefreshSeconds() > 0) {
                Instant due = lastFetch.plusSeconds(settings.lndgRefreshSeconds());
                long reloadsBefore = reloads;
                try {
                    for (long left = millisUntil(due); left > 0 && !stopping && lastCycleIdle && reloads == reloadsBefore;
                            left = millisUntil(due)) {
                        turn.wait(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return stopping || reloads != reloadsBefore;
            }
            return stopping;
        }
    }

    private long millisUntil(Instant due) {
        return Duration.between(clock.instant(), due).toMillis();
    }

    /**
     * The routes are being reloaded: a cycle waiting for LNDg's refresh ends now, and none starts until the reload is
     * done, so the reload need not wait for one.
     */
    public void routesReloading() {
        synchronized (turn) {
            reloading = true;
            reloads++;
            turn.notifyAll();
        }
    }

    /** The reload is done (applied or refused): cycles start again. */
    public void routesReloaded() {
        synchronized (turn) {
            reloading = false;
        }
    }

    /** Starts a cycle's clock and the paged channel fetch. */
    public ChannelFetch begin() {
        cycleStart = clock.instant();
        synchronized (turn) {
            lastFetch = cycleStart;
            lastCycleIdle = false;
        }
        return new ChannelFetch(parser, FIRST_QUERY, MAX_PAGES);
    }

    /**
     * One page's answer, its body as the stream camel-http left it: read a row at a time when LNDg answered 200 (at
     * most {@link org.regolancer.orchestrator.lndg.AnswerLimit#MAX_BYTES} of it), otherwise a failure in words from the
     * start of its page.
     */
    public void acceptPage(PagedFetch fetch, int status, InputStream body) {
        if (status != 200) {
            throw LndgAnswer.failure(settings.lndgBaseUrl(), fetch.getPath(), status, AnswerLimit.errorPage(body));
        }
        fetch.accept(body);
    }

    // plain calls for the routes' expressions: an OGNL path such as ${exchangeProperty.fetch.path} costs Camel a
    // search through every type converter each time (measured: a tenth of the daemon's CPU under load)

    public boolean hasMore(PagedFetch fetch) {
        return fetch.hasMore();
    }

    public String pathOf(PagedFetch fetch) {
        return fetch.getPath();
    }

    public String nextQueryOf(PagedFetch fetch) {
        return fetch.getNextQuery();
    }

    public boolean hasPairs(Cycle cycle) {
        return cycle.getPairCount() > 0;
    }

    public List<Integer> workerSlots(Cycle cycle) {
        return cycle.getWorkerSlots();
    }

    /** LNDg's AR-MaxFeeRate is read under LNDg's fee policy, at most every 10 minutes. */
    public boolean lndgSettingsDue() {
        return settings.feePolicy() == FeePolicy.LNDG && lndgFees.due(clock.instant());
    }

    public SettingsFetch beginSettings() {
        return lndgFees.begin();
    }

    public void settingsRead(SettingsFetch fetch) {
        long before = lndgFees.arMaxFeeRate();
        boolean first = !lndgFees.everRead();
        long now = lndgFees.read(fetch, clock.instant());
        errors.cleared(ErrorLog.Kind.LNDG_SETTINGS);
        if (settings.logOperational() && (first || now != before)) {
            LOG.info("LNDg's AR-MaxFeeRate: {} ppm{}", now, fetch.arMaxFeeRate().isEmpty() ? " (LNDg's default: no such setting)" : "");
        }
    }

    /** Reading /api/settings/ failed: the last value stays (LNDg's default 500 before any), one errors.log line. */
    public void settingsFailed(Exception error) {
        lndgFees.failed(clock.instant());
        errors.report(ErrorLog.Kind.LNDG_SETTINGS, "LNDg's settings (AR-MaxFeeRate) could not be read, using "
                + lndgFees.arMaxFeeRate() + " ppm" + (lndgFees.everRead() ? " as last read" : " (LNDg's default)") + ": "
                + lndgFailure(error, "/api/settings/"));
    }

    /** The channels' books are due a read of LNDg (the first cycle, then every 10 minutes). */
    public boolean booksDue() {
        return books != null && books.due();
    }

    /** Reads what LNDg has new into the channels' books; a failure keeps them (one errors.log line), never the cycle's. */
    public void readBooks(ChannelFetch fetch) {
        if (books != null) {
            books.refresh(fetch);
        }
    }

    /** The channel fetch worked: this cycle's amount, its pairs (shuffled when asked) and their dispatch. */
    public Cycle plan(ChannelFetch fetch) {
        errors.cleared(ErrorLog.Kind.LNDG);
        stats.fetchWorked();
        List<String> rows = new java.util.ArrayList<>();
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
        List<Channel> channels = fetch.channels();
        Map<ChannelId, Channel> byId = new LinkedHashMap<>();
        channels.forEach(c -> byId.put(c.id(), c));
        List<Pair> paired = planner.plan(channels);
        long arMaxFeeRate = FeeCap.ceiled(lndgFees.arMaxFeeRate(), settings.maxFeeCeiling());
        long number = fetchedCycles.getAndIncrement();
        long amount = ladder.amountFor(number);
        Map<ChannelId, ChannelBook> spent = Map.of();
        if (books != null && judge.budgetOn()) {
            if (books.due()) {
                // a cycle route edited before the books existed has no step of its own for them
                books.refresh(fetch);
            }
            if (!paired.isEmpty()) {
                // summed only when a pair may need them: a balanced node's cycles do not add up the books
                spent = books.read();
            }
        }
        Judgment.Verdict verdict = judge.verdict(paired, arMaxFeeRate, spent, amount);
        stats.targetsOverBudget(verdict.targetsOverBudget());
        List<Pair> pairs = verdict.toRun();
        Instant start = cycleStart == null ? clock.instant() : cycleStart;
        Instant deadline = start.plusSeconds(settings.maxCycleSeconds());
        PairDispatch dispatch = new PairDispatch(pairs, settings.maxWorkers(), deadline, clock);
        Cycle cycle = new Cycle(number, amount, arMaxFeeRate, start, byId, pairs.size(), dispatch, settings.maxWorkers());
        cycle.budgetCaps(verdict.budgetCaps());
        current = cycle;
        if (stopping || pause.paused()) {
            // paused: planned and judged as ever (so /status and readiness stay true), but no run starts
            dispatch.close();
        }
        if (settings.logOperational()) {
            logNoMargin(channels);
        }
        if (settings.logOperational() && paired.isEmpty() != balanced) {
            balanced = paired.isEmpty();
            if (balanced && planner.hasTargets(channels)) {
                LOG.info("No pair: targets want a refill, but no source with a margin above its own target can give it, "
                        + "{}; the next cycles only look", ChannelCount.of(channels));
            } else if (balanced) {
                LOG.info("Balanced: no channel needs a refill by LNDg's rules, {}; the next cycles only look",
                        ChannelCount.of(channels));
            }
        }
        if (settings.dryRun() || settings.logOperational()) {
            StringBuilder skipped = new StringBuilder();
            verdict.counts().forEach((reason, n) -> skipped.append(skipped.length() == 0 ? " (skipped: " : ", ")
                    .append(reason.label()).append(' ').append(n));
            LOG.info("{}ycle {}: {}, {}, {} to run{}, amount {} sat", settings.dryRun() ? "Dry run, c" : "C",
                    number, ChannelCount.of(channels), Words.count(paired.size(), "pair"), pairs.size(),
                    skipped.length() == 0 ? "" : skipped + ")", amount);
        }
        return cycle;
    }

    /** LOG_OPERATIONAL: a source LNDg's rule would use but that has no margin, when it starts having none. */
    private void logNoMargin(List<Channel> channels) {
        java.util.Set<ChannelId> now = new java.util.HashSet<>();
        for (Channel source : planner.withoutMargin(channels)) {
            now.add(source.id());
            if (noMarginLogged.add(source.id())) {
                LOG.info("Source {} ({}) not paired, no margin: outbound {}% ≥ {}%, but {} sat above its target, below the "
                        + "smallest run of {} sat", source.displayName(), source.id(), source.outboundPercent(),
                        source.arOutTarget(), Math.max(0, source.outboundMargin()), planner.minAmountSat());
            }
        }
        noMarginLogged.retainAll(now);
    }

    /** A worker's next pair: waits until one can run now (its channels free, a run slot free); null when done. */
    public Pair nextPair(Cycle cycle) throws InterruptedException {
        return cycle.dispatch().take().orElse(null);
    }

    public void release(Cycle cycle, Pair pair) {
        cycle.dispatch().release(pair);
    }

    /**
     * LNDg failed: one errors.log line (repeats held back), the cycle is skipped, and LNDg is left alone a while
     * longer the more often it failed in a row (the wait ends at once when the daemon stops).
     */
    public void fetchFailed(Exception error) {
        String why = lndgFailure(error, "/api/channels/");
        // /status sends it to Telegram: an error page that echoes the request (a session cookie) is scrubbed first
        stats.fetchFailed(clock.instant(), errors.scrubbed(why));
        errors.report(ErrorLog.Kind.LNDG, "channel fetch failed, cycle skipped: " + why);
        if (!settings.runForever()) {
            lifecycle.finished(1);
            return;
        }
        Duration extra = lndgRetryPause.extraAfter(stats.getFetchFailuresInARow(), Duration.ofSeconds(settings.sleepSeconds()));
        try {
            stopped.await(extra.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why an LNDg request failed, in words: its answer and what to do about it, or why it could not be reached. */
    private String lndgFailure(Exception error, String path) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LndgException lndg) {
                return lndg.getMessage();
            }
        }
        // check's hint too: the same words for the same failure
        return LndgAnswer.unreachable(settings.lndgBaseUrl(), path, error, settings.lndgTls()).getMessage();
    }

    public void finish(Cycle cycle) {
        Duration took = Duration.between(cycle.getStart(), clock.instant());
        stats.cycleDone(took, clock.instant());
        stats.lastCycle(new CycleStats.LastCycle(clock.instant(), cycle.getPairCount(), cycle.dispatch().started(),
                cycle.payments.get(), took));
        int stopped = cycle.stoppedRuns.get();
        int notStarted = cycle.dispatch().notStarted();
        if (stopped > 0 && !stopping) {
            errors.report(ErrorLog.Kind.CYCLE, "cycle reached MAX_CYCLE_SECONDS", "cycle " + cycle.getNumber() + " reached MAX_CYCLE_SECONDS=" + settings.maxCycleSeconds()
                    + ": " + stopped + " regolancer runs stopped, " + notStarted + " pairs not started");
        }
        if (settings.logOperational()) {
            LOG.info("Cycle {} done in {} s: {} of {} run, {}", cycle.getNumber(), took.toSeconds(),
                    cycle.dispatch().started(), Words.count(cycle.getPairCount(), "pair"), Words.count(cycle.payments.get(), "payment"));
        }
        synchronized (turn) {
            // nothing ran: the next fetch would see LNDg's data unchanged until LNDg refreshes it
            lastCycleIdle = settings.dryRun() || cycle.dispatch().started() == 0;
        }
        if (!settings.runForever()) {
            lifecycle.finished(0);
        }
    }

    /** True once the daemon is stopping: no new cycle starts. */
    public boolean isStopping() {
        return stopping;
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
        synchronized (turn) {
            // runs start again within SLEEP_SECONDS, not after LNDg's refresh
            lastCycleIdle = false;
            turn.notifyAll();
        }
        if (changed) {
            LOG.info("Resumed (Telegram /resume)");
        }
        return changed;
    }

    /** The daemon is stopping: hand out no more pairs. */
    public void stop() {
        stopping = true;
        stopped.countDown();
        synchronized (turn) {
            turn.notifyAll();
        }
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

    /** The hourly summary line, when an hour has passed since the last one (or the start) and something happened. */
    public String summaryIfDue() {
        Instant now = clock.instant();
        if (nextSummary == null) {
            nextSummary = now.plus(SUMMARY_EVERY);
            return null;
        }
        if (now.isBefore(nextSummary)) {
            return null;
        }
        nextSummary = now.plus(SUMMARY_EVERY);
        return stats.summaryIfChanged();
    }
}
